package io.smainer.cli.relayer;

import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliException;
import io.smainer.cli.ExitCodes;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which relayer REST API a command talks to and with which key: {@code --relayer-api}, then
 * {@code SMAINER_RELAYER_API}, then (for operator commands) the daemon config's {@code relayer_url}
 * turned into its HTTP base, then {@code http://127.0.0.1:8000/api/v1}. The key comes from
 * {@code --api-key-file} or {@code SMAINER_API_KEY}; never from a flag value (shell history).
 */
public final class RelayerOptions {
    public static final String ENV_API = "SMAINER_RELAYER_API";
    public static final String ENV_KEY = "SMAINER_API_KEY";
    public static final URI DEFAULT_API = URI.create("http://127.0.0.1:8000/api/v1");

    @Option(names = "--relayer-api", paramLabel = "URL",
            description = "Relayer REST base, e.g. https://relayer.example/api/v1 (else SMAINER_RELAYER_API; default http://127.0.0.1:8000/api/v1).")
    String relayerApi;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "File holding the relayer API key (else SMAINER_API_KEY). Never pass the key itself as an argument.")
    Path apiKeyFile;

    /** The API client; {@code configWsOrigin} is the daemon config's relayer_url when the command has one. */
    public RelayerApi api(CliEnvironment env, Optional<String> configWsOrigin) {
        return new RelayerApi(base(env, configWsOrigin), key(env));
    }

    public URI base(CliEnvironment env, Optional<String> configWsOrigin) {
        if (relayerApi != null) {
            return httpUrl("--relayer-api", relayerApi);
        }
        Optional<String> fromEnv = env.env(ENV_API);
        if (fromEnv.isPresent()) {
            return httpUrl(ENV_API, fromEnv.get());
        }
        return configWsOrigin.map(RelayerOptions::apiOfWsOrigin).orElse(DEFAULT_API);
    }

    /** {@code ws://host:port} → {@code http://host:port/api/v1} ({@code wss} → {@code https}). */
    public static URI apiOfWsOrigin(String origin) {
        String o = origin.trim().replaceAll("/+$", "");
        String lower = o.toLowerCase(Locale.ROOT);
        if (lower.startsWith("wss://")) {
            return URI.create("https://" + o.substring(6) + "/api/v1");
        }
        if (lower.startsWith("ws://")) {
            return URI.create("http://" + o.substring(5) + "/api/v1");
        }
        throw new CliException(ExitCodes.CONFIG, "relayer_url '" + origin + "' in the daemon config is not a ws:// or wss:// origin;"
                + " fix it (e.g. ws://127.0.0.1:8000) or pass --relayer-api");
    }

    private static URI httpUrl(String source, String text) {
        try {
            URI u = URI.create(text.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && u.getUserInfo() == null) {
                return u;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the usage error
        }
        throw new CliException(ExitCodes.USAGE, source + " '" + text + "' is not an http(s) URL without credentials,"
                + " e.g. http://127.0.0.1:8000/api/v1");
    }

    private ApiKey key(CliEnvironment env) {
        if (apiKeyFile != null) {
            try {
                String text = Files.readString(apiKeyFile, StandardCharsets.UTF_8).strip();
                if (text.isEmpty()) {
                    throw new CliException(ExitCodes.CONFIG, "--api-key-file " + apiKeyFile + " is empty; write the relayer's API key into it");
                }
                return ApiKey.of(text);
            } catch (NoSuchFileException e) {
                throw new CliException(ExitCodes.CONFIG, "--api-key-file " + apiKeyFile + " does not exist; check the path");
            } catch (IOException e) {
                throw new CliException(ExitCodes.IO, "cannot read --api-key-file " + apiKeyFile + ": " + e.getMessage());
            }
        }
        return env.env(ENV_KEY).map(ApiKey::of).orElse(null);
    }
}

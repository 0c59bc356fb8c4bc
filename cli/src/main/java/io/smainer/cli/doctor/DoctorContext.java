package io.smainer.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.chain.StarknetNetwork;
import io.smainer.cli.CliEnvironment;
import io.smainer.cli.node.DaemonStatusClient;
import io.smainer.cli.relayer.RelayerApi;
import io.smainer.cli.wallet.WalletFiles;
import io.smainer.protocol.stark.StarkPrivateKey;
import io.smainer.sandbox.probe.IsolationReport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the checks share: the inputs (environment, clock, config path, clients) and what earlier checks
 * found (the parsed config, the decrypted key, the relayer's health answer, the probe report). Filled
 * in list order by the checks themselves; a later check that finds its input missing skips.
 */
public final class DoctorContext {
    private final CliEnvironment env;
    private final Clock clock;
    private final Path configPath;
    private final Path passphraseFile;
    private final Supplier<RelayerApi> relayerApi;
    private final Supplier<StarknetNetwork> network;
    private final Supplier<DaemonStatusClient.Answer> daemonStatus;

    private ObjectNode config;
    private StarkPrivateKey key;
    private RelayerApi.Health health;
    private IsolationReport isolation;
    private DaemonStatusClient.Answer daemon;

    /**
     * @param relayerApi builds the relayer client from the flags and the (by then parsed) config
     * @param network    the Starknet network of the flags/environment
     */
    public DoctorContext(CliEnvironment env, Clock clock, Path configPath, Path passphraseFile,
                         Supplier<RelayerApi> relayerApi, Supplier<StarknetNetwork> network,
                         Supplier<DaemonStatusClient.Answer> daemonStatus) {
        this.env = env;
        this.clock = clock;
        this.configPath = configPath;
        this.passphraseFile = passphraseFile;
        this.relayerApi = relayerApi;
        this.network = network;
        this.daemonStatus = daemonStatus;
    }

    public CliEnvironment env() {
        return env;
    }

    public Clock clock() {
        return clock;
    }

    public Path configPath() {
        return configPath;
    }

    public Path passphraseFile() {
        return passphraseFile;
    }

    public RelayerApi relayerApi() {
        return relayerApi.get();
    }

    public StarknetNetwork network() {
        return network.get();
    }

    /** The daemon's {@code /status} answer, asked once. */
    public DaemonStatusClient.Answer daemon() {
        if (daemon == null) {
            daemon = daemonStatus.get();
        }
        return daemon;
    }

    /** The parsed provider.toml (empty until the config check ran; empty object when it has no file). */
    public Optional<ObjectNode> config() {
        return Optional.ofNullable(config);
    }

    void config(ObjectNode parsed) {
        this.config = parsed;
    }

    /** A string value of the config, if set and non-empty. */
    public Optional<String> setting(String key) {
        JsonNode v = config == null ? null : config.get(key);
        return v == null || !v.isValueNode() || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }

    /**
     * A daemon setting with the daemon's precedence (STYLE.md §5): its first non-blank environment name, else
     * provider.toml, else its default (doctor has no flags for these).
     */
    DaemonConfigKeys.Value resolve(DaemonConfigKeys.Setting s) {
        for (String name : s.envNames()) {
            Optional<String> v = env.env(name).filter(text -> !text.isBlank());
            if (v.isPresent()) {
                return new DaemonConfigKeys.Value(s, v.get().trim(), "environment " + name);
            }
        }
        return setting(s.key()).map(v -> new DaemonConfigKeys.Value(s, v.trim(), configPath.toString()))
                .orElseGet(() -> new DaemonConfigKeys.Value(s, s.defaultValue(), "the default"));
    }

    /** The wallet's account.json, when there is one. */
    public Optional<WalletFiles.Account> account() {
        WalletFiles files = new WalletFiles(env);
        return Files.exists(files.accountFile()) ? Optional.of(files.readAccount()) : Optional.empty();
    }

    /** account_address: config, then the daemon's environment names, then the wallet. */
    public Optional<String> address() {
        Optional<String> a = setting("account_address");
        for (String name : DaemonConfigKeys.ACCOUNT_ENV) {
            a = a.or(() -> env.env(name));
        }
        return a.or(() -> account().map(WalletFiles.Account::address));
    }

    /** The relayer's WebSocket origin (config relayer_url, else the daemon default). */
    public URI wsOrigin() {
        return URI.create(setting("relayer_url").orElse(DaemonConfigKeys.DEFAULT_RELAYER_URL).replaceAll("/+$", ""));
    }

    public Path stateDir() {
        return Path.of(setting("state_dir").orElse(DaemonConfigKeys.DEFAULT_STATE_DIR));
    }

    public Optional<StarkPrivateKey> key() {
        return Optional.ofNullable(key);
    }

    void key(StarkPrivateKey unlocked) {
        this.key = unlocked;
    }

    public Optional<RelayerApi.Health> health() {
        return Optional.ofNullable(health);
    }

    void health(RelayerApi.Health h) {
        this.health = h;
    }

    public Optional<IsolationReport> isolation() {
        return Optional.ofNullable(isolation);
    }

    void isolation(IsolationReport r) {
        this.isolation = r;
    }

    /** Overwrites the decrypted key; called when all checks ran. */
    void close() {
        if (key != null) {
            key.destroy();
        }
    }
}

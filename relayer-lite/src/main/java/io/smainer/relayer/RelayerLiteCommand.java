package io.smainer.relayer;

import io.smainer.protocol.SmainerVersion;
import io.smainer.protocol.stark.Felts;
import io.smainer.relayer.config.ChainConfig;
import io.smainer.relayer.config.ConfigException;
import io.smainer.relayer.config.CredentialFile;
import io.smainer.relayer.config.RelayerConfig;
import io.smainer.relayer.config.Secret;
import io.smainer.relayer.store.StoreException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code smainer-relayer-lite} command: flags (and {@code SMAINER_API_KEY},
 * {@code SMAINER_CALLBACK_SECRET}) become one {@link RelayerConfig}; the relayer runs until SIGTERM or
 * Ctrl-C, then shuts down in order. Exit codes are mapped here and only here.
 */
@Command(name = "smainer-relayer-lite", mixinStandardHelpOptions = true, versionProvider = RelayerLiteCommand.Version.class,
        sortOptions = false, description = "Local Smainer relayer: REST API, provider WebSocket, signed callbacks.")
public final class RelayerLiteCommand implements Callable<Integer> {
    public static final int EXIT_UNAVAILABLE = 69;
    public static final int EXIT_INTERNAL = 70;
    public static final int EXIT_IO = 74;
    public static final int EXIT_CONFIG = 78;

    /** Version from the build (protocol jar's version.properties), never a literal. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"smainer-relayer-lite " + SmainerVersion.current()};
        }
    }

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8000", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = ".smainer-relayer", description = "Store, secrets, lock and endpoint.json (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--api-key", description = "API key clients must send; else SMAINER_API_KEY; in devnet mode generated into <data-dir>/api-key.")
    String apiKey;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "Read the API key from FILE (0600; systemd LoadCredential). Instead of --api-key.")
    Path apiKeyFile;

    @Option(names = "--callback-secret", description = "HMAC key of callbacks; else SMAINER_CALLBACK_SECRET; else generated into <data-dir>/callback-secret.")
    String callbackSecret;

    @Option(names = "--callback-secret-file", paramLabel = "FILE",
            description = "Read the callback HMAC key from FILE (0600; systemd LoadCredential). Instead of --callback-secret.")
    Path callbackSecretFile;

    @Option(names = "--devnet", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Devnet mode: http callbacks to loopback allowed, API key generated (default: ${DEFAULT-VALUE}; --devnet=false to turn off).")
    boolean devnet;

    @Option(names = "--require-payment", arity = "0..1", fallbackValue = "true",
            description = "Refuse submissions without a verified escrow (default: true when a chain is configured).")
    Boolean requirePayment;

    @Option(names = "--enforce-onchain-key", arity = "0..1", fallbackValue = "true",
            description = "Nodes must authenticate with the key registered in the escrow (get_node) (default: true when a chain is configured).")
    Boolean enforceOnchainKey;

    @Option(names = "--embedded-devnet", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Devnet mode: run a Starknet devnet in <data-dir>/devnet, served at /rpc (default: ${DEFAULT-VALUE}).")
    boolean embeddedDevnet;

    @Option(names = "--starknet-rpc", paramLabel = "URL", description = "A real network's JSON-RPC endpoint; no devnet is started.")
    URI starknetRpc;

    @Option(names = "--escrow", paramLabel = "ADDRESS", description = "Escrow contract address on --starknet-rpc.")
    String escrow;

    @Option(names = "--relayer-account", paramLabel = "ADDRESS", description = "The escrow's relayer account (assign_task, submit_proof_and_claim).")
    String relayerAccount;

    @Option(names = "--relayer-keystore", paramLabel = "FILE", description = "Encrypted keystore (v3) of --relayer-account.")
    Path relayerKeystore;

    @Option(names = "--relayer-passphrase-file", paramLabel = "FILE", description = "File holding the keystore's passphrase (0600).")
    Path relayerPassphraseFile;

    @Option(names = "--heartbeat-timeout", defaultValue = "90", description = "Seconds without a heartbeat before a node is dropped (default: ${DEFAULT-VALUE}).")
    long heartbeatTimeout;

    @Option(names = "--assignment-timeout", defaultValue = "30",
            description = "Seconds an assigned task may wait for any frame from its node before it is re-queued (default: ${DEFAULT-VALUE}).")
    long assignmentTimeout;

    @Option(names = "--max-attempts", defaultValue = "3", description = "Assignments per task before it fails (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--result-ttl", defaultValue = "3600",
            description = "Seconds a result stays for polling after its final callback was delivered (default: ${DEFAULT-VALUE}).")
    long resultTtl;

    private final Map<String, String> env;
    private final PrintStream out;

    RelayerLiteCommand(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    /** The command line with injectable streams and environment (tests capture output). */
    public static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine cl = new CommandLine(new RelayerLiteCommand(env, out));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("smainer-relayer-lite: " + e.getMessage());
            return exitCode(e);
        });
        return cl;
    }

    static int exitCode(Throwable e) {
        if (e instanceof ConfigException) {
            return EXIT_CONFIG;
        }
        if (e instanceof ServiceUnavailableException) {
            return EXIT_UNAVAILABLE;
        }
        if (e instanceof StoreException) {
            return EXIT_IO;
        }
        return EXIT_INTERNAL;
    }

    RelayerConfig config() {
        return RelayerConfig.builder().host(host).port(port).dataDir(dataDir)
                .apiKey(secret("--api-key", apiKey, "--api-key-file", apiKeyFile, "SMAINER_API_KEY"))
                .callbackSecret(secret("--callback-secret", callbackSecret, "--callback-secret-file", callbackSecretFile,
                        "SMAINER_CALLBACK_SECRET"))
                .devnet(devnet).chain(chain()).requirePayment(requirePayment).enforceOnchainKey(enforceOnchainKey)
                .heartbeatTimeout(Duration.ofSeconds(heartbeatTimeout)).assignmentTimeout(Duration.ofSeconds(assignmentTimeout))
                .maxAttempts(maxAttempts).resultTtl(Duration.ofSeconds(resultTtl)).build();
    }

    /** Flag, else file flag, else environment; giving both the flag and the file is a usage error. */
    private Secret secret(String flag, String value, String fileFlag, Path file, String envName) {
        if (value != null && file != null) {
            throw new ConfigException(flag + " and " + fileFlag + " were both given: keep one (prefer " + fileFlag + ")");
        }
        if (file != null) {
            return CredentialFile.read(fileFlag, file);
        }
        String v = value != null ? value : env.get(envName);
        return v == null || v.isEmpty() ? null : Secret.of(v);
    }

    private ChainConfig chain() {
        if (starknetRpc == null) {
            for (Object given : new Object[] {escrow, relayerAccount, relayerKeystore, relayerPassphraseFile}) {
                if (given != null) {
                    throw new ConfigException("--escrow, --relayer-account, --relayer-keystore and --relayer-passphrase-file"
                            + " belong to --starknet-rpc URL: add it, or drop them to use the embedded devnet");
                }
            }
            return devnet && embeddedDevnet ? ChainConfig.embeddedDevnet() : ChainConfig.none();
        }
        return ChainConfig.external(starknetRpc, address("--escrow", escrow), address("--relayer-account", relayerAccount),
                relayerKeystore, relayerPassphraseFile);
    }

    private static BigInteger address(String flag, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Felts.parse(flag, value);
        } catch (RuntimeException e) {
            throw new ConfigException(flag + " '" + value + "' is not a Starknet address (0x followed by up to 64 hex digits)");
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        RelayerConfig config = config();
        RunningRelayer relayer = RelayerLite.start(config, RelayerPlugins.defaults(out));
        // SIGTERM/SIGINT: orderly shutdown and exit 0 (a plain shutdown hook would exit 143); the hook
        // stays for other exits.
        for (String signal : new String[] {"TERM", "INT"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> new Thread(relayer::close, "shutdown").start());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(relayer::close, "shutdown-hook"));
        relayer.awaitClosed();
        out.flush();
        return 0;
    }
}

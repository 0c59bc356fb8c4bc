package io.smainer.relayer.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Every setting of relayer-lite, validated once. Durations are whole seconds on the command line.
 * {@code apiKey}/{@code callbackSecret} null mean "read or generate in the data dir" ({@link DataDirectory}).
 */
public record RelayerConfig(
        String host,
        int port,
        Path dataDir,
        Secret apiKey,
        Secret callbackSecret,
        boolean devnet,
        ChainConfig chain,
        boolean requirePayment,
        boolean enforceOnchainKey,
        Duration heartbeatTimeout,
        Duration assignmentTimeout,
        int maxAttempts,
        Duration resultTtl) {

    public static final int DEFAULT_PORT = 8000;

    public RelayerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(chain, "chain");
        if (chain.mode() == ChainConfig.Mode.EMBEDDED_DEVNET && !devnet) {
            throw new ConfigException("the embedded devnet runs only in devnet mode (--devnet=false was given): use a real"
                    + " network with --starknet-rpc URL --escrow ADDRESS --relayer-account ADDRESS --relayer-keystore FILE"
                    + " --relayer-passphrase-file FILE, or drop --devnet=false");
        }
        if (enforceOnchainKey && !chain.configured()) {
            throw new ConfigException("--enforce-onchain-key needs a chain: run in devnet mode with the embedded devnet,"
                    + " or give --starknet-rpc URL --escrow ADDRESS --relayer-account ADDRESS --relayer-keystore FILE"
                    + " --relayer-passphrase-file FILE");
        }
        if (host.isBlank()) {
            throw new ConfigException("--host is empty: give an interface address such as 127.0.0.1 or 0.0.0.0");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("--port " + port + " is outside 0..65535 (0 picks a free port)");
        }
        positive("--heartbeat-timeout", heartbeatTimeout);
        positive("--assignment-timeout", assignmentTimeout);
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new ConfigException("--max-attempts " + maxAttempts + " is outside 1..100");
        }
        Objects.requireNonNull(resultTtl, "resultTtl");
        if (resultTtl.isNegative()) {
            throw new ConfigException("--result-ttl " + resultTtl.toSeconds() + " must not be negative (0 drops a result"
                    + " as soon as its final callback was delivered)");
        }
        if (apiKey != null && apiKey.reveal().length() < 16) {
            throw new ConfigException("--api-key / SMAINER_API_KEY is " + apiKey.reveal().length()
                    + " characters; use at least 16 (or leave it out in devnet mode to generate one)");
        }
        if (callbackSecret != null && callbackSecret.reveal().length() < 16) {
            throw new ConfigException("--callback-secret / SMAINER_CALLBACK_SECRET is "
                    + callbackSecret.reveal().length() + " characters; use at least 16 (or leave it out to generate one)");
        }
    }

    private static void positive(String flag, Duration d) {
        Objects.requireNonNull(d, flag);
        if (d.isZero() || d.isNegative()) {
            throw new ConfigException(flag + " " + d.toSeconds() + " must be at least 1 second");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().host(host).port(port).dataDir(dataDir).apiKey(apiKey).callbackSecret(callbackSecret)
                .devnet(devnet).chain(chain).requirePayment(requirePayment).enforceOnchainKey(enforceOnchainKey)
                .heartbeatTimeout(heartbeatTimeout)
                .assignmentTimeout(assignmentTimeout).maxAttempts(maxAttempts).resultTtl(resultTtl);
    }

    /**
     * Starts from the documented defaults (docs/relayer-lite.md "Flags"). The chain defaults to the
     * embedded devnet in devnet mode and to none otherwise; payment and the on-chain key check default
     * to on exactly when a chain is configured.
     */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private Path dataDir = Path.of(".smainer-relayer");
        private Secret apiKey;
        private Secret callbackSecret;
        private boolean devnet = true;
        private ChainConfig chain;
        private Boolean requirePayment;
        private Boolean enforceOnchainKey;
        private Duration heartbeatTimeout = Duration.ofSeconds(90);
        private Duration assignmentTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 3;
        private Duration resultTtl = Duration.ofHours(1);

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder dataDir(Path v) { dataDir = v; return this; }
        public Builder apiKey(Secret v) { apiKey = v; return this; }
        public Builder callbackSecret(Secret v) { callbackSecret = v; return this; }
        public Builder devnet(boolean v) { devnet = v; return this; }
        public Builder chain(ChainConfig v) { chain = v; return this; }
        public Builder requirePayment(Boolean v) { requirePayment = v; return this; }
        public Builder enforceOnchainKey(Boolean v) { enforceOnchainKey = v; return this; }
        public Builder heartbeatTimeout(Duration v) { heartbeatTimeout = v; return this; }
        public Builder assignmentTimeout(Duration v) { assignmentTimeout = v; return this; }
        public Builder maxAttempts(int v) { maxAttempts = v; return this; }
        public Builder resultTtl(Duration v) { resultTtl = v; return this; }

        public RelayerConfig build() {
            ChainConfig c = chain != null ? chain : devnet ? ChainConfig.embeddedDevnet() : ChainConfig.none();
            return new RelayerConfig(host, port, dataDir, apiKey, callbackSecret, devnet, c,
                    requirePayment != null ? requirePayment : c.configured(),
                    enforceOnchainKey != null ? enforceOnchainKey : c.configured(), heartbeatTimeout, assignmentTimeout,
                    maxAttempts, resultTtl);
        }
    }
}

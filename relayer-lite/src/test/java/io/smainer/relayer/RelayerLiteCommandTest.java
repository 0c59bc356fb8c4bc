package io.smainer.relayer;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.relayer.config.ChainConfig;
import io.smainer.relayer.config.RelayerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RelayerLiteCommandTest {
    @TempDir
    Path home;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(Map<String, String> env, String... args) {
        return RelayerLiteCommand.commandLine(new PrintStream(out, true), new PrintStream(err, true), env).execute(args);
    }

    @Test
    void helpAndVersionWork() {
        assertThat(run(Map.of(), "--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        for (String flag : new String[] {"--host", "--port", "--data-dir", "--api-key", "--callback-secret", "--devnet",
                "--require-payment", "--heartbeat-timeout", "--assignment-timeout", "--max-attempts", "--result-ttl",
                "--api-key-file", "--callback-secret-file", "--enforce-onchain-key", "--embedded-devnet", "--starknet-rpc",
                "--escrow", "--relayer-account", "--relayer-keystore", "--relayer-passphrase-file"}) {
            assertThat(help).contains(flag);
        }
        assertThat(run(Map.of(), "--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("smainer-relayer-lite 0.1.0");
    }

    @Test
    void flagsAndEnvironmentBecomeOneConfigWithDocumentedDefaults() {
        CommandLine cl = RelayerLiteCommand.commandLine(System.out, System.err, Map.of("SMAINER_API_KEY", "env-key-0123456789abcdef"));
        cl.parseArgs("--devnet=false", "--port", "0", "--result-ttl", "5");
        RelayerConfig c = ((RelayerLiteCommand) cl.getCommand()).config();
        assertThat(c.devnet()).isFalse();
        assertThat(c.apiKey().reveal()).isEqualTo("env-key-0123456789abcdef");
        assertThat(c.apiKey().toString()).doesNotContain("env-key");
        assertThat(c.resultTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.assignmentTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.maxAttempts()).isEqualTo(3);
        assertThat(c.requirePayment()).isFalse();
        assertThat(c.chain().mode()).isEqualTo(ChainConfig.Mode.NONE);
        assertThat(c.enforceOnchainKey()).isFalse();
    }

    @Test
    void devnetModeRunsTheEmbeddedDevnetWithPaymentAndOnChainKeysByDefault() {
        RelayerConfig c = parse(Map.of(), "--port", "0");
        assertThat(c.chain().mode()).isEqualTo(ChainConfig.Mode.EMBEDDED_DEVNET);
        assertThat(c.requirePayment()).isTrue();
        assertThat(c.enforceOnchainKey()).isTrue();
        RelayerConfig off = parse(Map.of(), "--require-payment=false", "--enforce-onchain-key=false");
        assertThat(off.requirePayment()).isFalse();
        assertThat(off.enforceOnchainKey()).isFalse();
        RelayerConfig noChain = parse(Map.of(), "--embedded-devnet=false");
        assertThat(noChain.chain().mode()).isEqualTo(ChainConfig.Mode.NONE);
        assertThat(noChain.requirePayment()).isFalse();
    }

    @Test
    void aRealNetworkNeedsAllOfItsFlags() throws Exception {
        Path ks = Files.createFile(home.resolve("ks.json"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        RelayerConfig c = parse(Map.of(), "--starknet-rpc", "https://rpc.example/v0_10/SECRETKEY", "--escrow", "0x123",
                "--relayer-account", "0x456", "--relayer-keystore", ks.toString(), "--relayer-passphrase-file", ks.toString());
        assertThat(c.chain().mode()).isEqualTo(ChainConfig.Mode.EXTERNAL);
        assertThat(c.chain().toString()).doesNotContain("SECRETKEY");
        assertThat(c.requirePayment()).isTrue();
        assertThat(run(Map.of(), "--data-dir", home.resolve("x").toString(), "--starknet-rpc", "https://rpc.example",
                "--escrow", "0x123")).isEqualTo(78);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--relayer-account is missing");
        assertThat(run(Map.of(), "--data-dir", home.resolve("y").toString(), "--escrow", "0x123")).isEqualTo(78);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("belong to --starknet-rpc");
    }

    @Test
    void secretsComeFromFilesThatOnlyTheOwnerCanRead() throws Exception {
        Path key = home.resolve("api-key-cred");
        Files.writeString(key, "file-api-key-0123456789\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        Path secret = home.resolve("cb-cred");
        Files.writeString(secret, "file-callback-secret-0123456789");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        RelayerConfig c = parse(Map.of("SMAINER_API_KEY", "env-key-0123456789abcdef"), "--api-key-file", key.toString(),
                "--callback-secret-file", secret.toString());
        assertThat(c.apiKey().reveal()).isEqualTo("file-api-key-0123456789");
        assertThat(c.callbackSecret().reveal()).isEqualTo("file-callback-secret-0123456789");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(run(Map.of(), "--data-dir", home.resolve("z").toString(), "--callback-secret-file", secret.toString()))
                .isEqualTo(78);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--callback-secret-file").contains("chmod 600")
                .doesNotContain("file-callback-secret");
        assertThat(run(Map.of(), "--data-dir", home.resolve("w").toString(), "--api-key", "x".repeat(20),
                "--api-key-file", key.toString())).isEqualTo(78);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("were both given");
    }

    private RelayerConfig parse(Map<String, String> env, String... args) {
        CommandLine cl = RelayerLiteCommand.commandLine(System.out, System.err, env);
        cl.parseArgs(args);
        return ((RelayerLiteCommand) cl.getCommand()).config();
    }

    @Test
    void invalidConfigExits78NamingTheFlag() {
        assertThat(run(Map.of(), "--max-attempts", "0", "--data-dir", home.toString())).isEqualTo(78);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--max-attempts 0");
        assertThat(run(Map.of(), "--devnet=false", "--port", "0", "--data-dir", home.resolve("d").toString())).isEqualTo(78);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--api-key or SMAINER_API_KEY is required");
    }

    @Test
    void aSecondRelayerOnTheSameDataDirIsRefusedAndSecretsAre0600() throws Exception {
        RelayerConfig config = RelayerConfig.builder().port(0).dataDir(home).build();
        try (RunningRelayer first = RelayerLite.start(config, RelayerPlugins.defaults(new PrintStream(out, true)))) {
            assertThat(run(Map.of(), "--port", "0", "--data-dir", home.toString())).isEqualTo(78);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("in use by another relayer-lite");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("api-key")))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("callback-secret"))))
                    .isEqualTo("rw-------");
            String endpoint = Files.readString(home.resolve("endpoint.json"));
            assertThat(endpoint).contains("\"port\":" + first.port()).contains("/api/v1").contains("\"pid\":");
        }
        assertThat(home.resolve("endpoint.json")).doesNotExist();
    }
}

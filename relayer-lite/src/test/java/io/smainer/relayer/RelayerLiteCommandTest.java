package io.smainer.relayer;

import static org.assertj.core.api.Assertions.assertThat;

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
                "--require-payment", "--heartbeat-timeout", "--assignment-timeout", "--max-attempts", "--result-ttl"}) {
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
        try (RunningRelayer first = RelayerLite.start(config, RelayerPlugins.defaults(config))) {
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

package io.smainer.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.daemon.hardware.HostPaths;
import io.smainer.protocol.SmainerVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderDaemonCommandTest {
    static final String ADDR = "0x04a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff";

    @TempDir
    Path tmp;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) throws Exception {
        Path cfg = tmp.resolve("empty.toml");
        if (!Files.exists(cfg)) {
            Files.writeString(cfg, "");
        }
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = cfg.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return ProviderDaemon.commandLine(new ProviderDaemon(env, HostPaths.system()), new PrintWriter(out, true),
                new PrintWriter(err, true)).execute(all);
    }

    @Test
    void helpAndVersion() throws Exception {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("--relayer", "--state-dir", "--status-port", "--drain-timeout",
                "--ws-path-template", "--heartbeat-interval", "--passphrase-file", "--keystore", "RELAYER_WS_URL",
                "--sandbox-userns", "SMAINER_SANDBOX_USERNS", "--sandbox-prewarm", "SMAINER_SANDBOX_PREWARM");
        assertThat(run(Map.of(), "--version")).isZero();
        assertThat(out.toString()).contains("smainer-daemon " + SmainerVersion.current());
    }

    @Test
    void printConfigRedactsSecrets() throws Exception {
        int rc = run(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR, "STARKNET_PRIVATE_KEY", "0x1234567890abcdef",
                "SMAINER_KEYSTORE_PASSWORD", "correct horse"), "--print-config", "--relayer", "ws://relay:9",
                "--state-dir", tmp.toString());
        assertThat(rc).isZero();
        assertThat(out.toString()).contains("relayer_url = \"ws://relay:9\"", "private_key = \"<redacted>\"",
                "heartbeat_interval = \"30\"", "sandbox_userns = \"auto\"", "sandbox_prewarm = \"1\"").doesNotContain("1234567890abcdef").doesNotContain("correct horse");
    }

    @Test
    void invalidConfigExits78NamingKeyValueAndFix() throws Exception {
        int rc = run(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR), "--print-config", "--heartbeat-interval", "0");
        assertThat(rc).isEqualTo(78);
        assertThat(err.toString()).contains("heartbeat_interval='0'", "flag --heartbeat-interval", "outside");
    }

    @Test
    void sandboxKeysComeFromFlagsAndExit78WhenInvalid() throws Exception {
        assertThat(run(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR), "--print-config", "--sandbox-userns", "off",
                "--sandbox-prewarm", "0")).isZero();
        assertThat(out.toString()).contains("sandbox_userns = \"off\"", "sandbox_prewarm = \"0\"");
        assertThat(run(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR), "--print-config", "--sandbox-prewarm", "100")).isEqualTo(78);
        assertThat(err.toString()).contains("sandbox_prewarm='100'", "flag --sandbox-prewarm", "outside [0, 8]");
        assertThat(run(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR, "SMAINER_SANDBOX_USERNS", "sometimes"), "--print-config"))
                .isEqualTo(78);
        assertThat(err.toString()).contains("sandbox_userns='sometimes'", "environment SMAINER_SANDBOX_USERNS", "auto", "off");
    }

    @Test
    void missingKeyExits78WithTheFix() throws Exception {
        int rc = run(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR), "--state-dir", tmp.toString());
        assertThat(rc).isEqualTo(78);
        assertThat(err.toString()).contains("no signing key", "smainer wallet create");
    }

    @Test
    void unknownFlagIsUsageError() throws Exception {
        assertThat(run(Map.of(), "--bogus")).isEqualTo(2);
    }
}

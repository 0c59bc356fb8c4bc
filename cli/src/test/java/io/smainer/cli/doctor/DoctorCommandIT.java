package io.smainer.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.cli.CliRun;
import io.smainer.cli.ExitCodes;
import io.smainer.cli.RelayerLiteProcess;
import io.smainer.cli.node.LoopbackDevnet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * smainer doctor against a real relayer-lite (real WebSocket node_register round trips with Stark auth)
 * and the embedded devnet: the healthy path, then the FAIL paths the issue names — dead relayer, wrong
 * key (the relayer refuses the registration), clock skew from an injected clock — and the bundle.
 */
class DoctorCommandIT {
    private static final String PASSPHRASE = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;
    static LoopbackDevnet chain;
    static RelayerLiteProcess relayer;
    static String configText;
    static String accountText;

    @BeforeAll
    static void start() throws Exception {
        chain = new LoopbackDevnet(home.resolve("devnet"));
        relayer = RelayerLiteProcess.start(home.resolve("relayer"));
        CliRun cli = cli();
        cli.run("wallet", "create");
        cli.run("register", "--tier", "basic", "--relayer", relayer.ws());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        Path config = home.resolve(".smainer/provider.toml");
        // No daemon in this test: a state dir without status.json and a status port nobody listens on.
        Files.writeString(config, "state_dir = '" + home.resolve("state") + "'\nstatus_port = 1\n", StandardOpenOption.APPEND);
        configText = Files.readString(config);
        accountText = Files.readString(home.resolve(".smainer/account.json"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (relayer != null) {
            relayer.close();
        }
        if (chain != null) {
            chain.close();
        }
    }

    @BeforeEach
    void restoreFiles() throws Exception {
        Files.writeString(home.resolve(".smainer/provider.toml"), configText);
        Files.writeString(home.resolve(".smainer/account.json"), accountText);
    }

    static CliRun cli() {
        CliRun cli = new CliRun(home);
        cli.env.put("SMAINER_KEYSTORE_PASSWORD", PASSPHRASE);
        cli.env.put("SMAINER_STARKNET_RPC", chain.rpcUrl());
        return cli;
    }

    static Map<String, JsonNode> checks(CliRun cli) throws Exception {
        Map<String, JsonNode> byName = new HashMap<>();
        JSON.readTree(cli.out).get("checks").forEach(c -> byName.put(c.get("check").asText(), c));
        return byName;
    }

    @Test
    void healthyProviderPassesWithARealNodeRegisterRoundTrip() throws Exception {
        CliRun cli = cli().run("doctor", "--json");
        Map<String, JsonNode> c = checks(cli);
        for (String name : new String[] {"java", "config", "keystore", "relayer", "clock", "node_register", "starknet_rpc", "onchain_node", "gpu"}) {
            assertThat(c.get(name).get("verdict").asText()).as(name + ": " + c.get(name)).isEqualTo("PASS");
        }
        assertThat(c.get("node_register").get("message").asText()).contains("handshake ok, node_register acked");
        assertThat(c.get("starknet_rpc").get("message").asText()).contains("SN_SMAINER_DEVNET");
        assertThat(c).containsKeys("isolation", "disk", "systemd");
        boolean anyFail = c.values().stream().anyMatch(v -> v.get("verdict").asText().equals("FAIL"));
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(anyFail ? ExitCodes.FAILED : ExitCodes.OK);
        assertThat(JSON.readTree(cli.out).get("ok").asBoolean()).isEqualTo(!anyFail);
        assertThat(cli.out + cli.err).doesNotContain(PASSPHRASE);

        cli.run("doctor");
        assertThat(cli.out).containsPattern("PASS  node_register +ws://127.0.0.1:\\d+/ws/[0-9a-f]+: handshake ok")
                .contains(" checks: ");
    }

    @Test
    void deadRelayerFailsWithTheFix() throws Exception {
        Files.writeString(home.resolve(".smainer/provider.toml"), configText.replace(relayer.ws(), "ws://127.0.0.1:1"));
        CliRun cli = cli().run("doctor", "--json");
        Map<String, JsonNode> c = checks(cli);
        assertThat(cli.exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(c.get("relayer").get("verdict").asText()).isEqualTo("FAIL");
        assertThat(c.get("relayer").get("message").asText()).contains("http://127.0.0.1:1/api/v1/health (connection refused)");
        assertThat(c.get("relayer").get("fix").asText()).contains("smainer-relayer-lite");
        assertThat(c.get("clock").get("verdict").asText()).isEqualTo("SKIP");
        assertThat(c.get("node_register").get("verdict").asText()).isEqualTo("FAIL");
        assertThat(c.get("node_register").get("message").asText()).contains("WebSocket handshake with ws://127.0.0.1:1/ws/");
    }

    @Test
    void deadStarknetRpcFailsItsCheckWhileEveryOtherCheckRuns() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + port + "/rpc";
        CliRun cli = cli();
        cli.env.put("SMAINER_STARKNET_RPC", dead);
        cli.run("doctor", "--json");
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.FAILED);
        Map<String, JsonNode> c = checks(cli);
        assertThat(c.get("starknet_rpc").get("verdict").asText()).isEqualTo("FAIL");
        assertThat(c.get("starknet_rpc").get("message").asText()).contains(dead, "connection refused");
        assertThat(c.get("starknet_rpc").get("fix").asText()).contains("start the devnet", "SMAINER_STARKNET_RPC");
        for (String name : new String[] {"java", "config", "keystore", "relayer", "clock", "node_register", "gpu"}) {
            assertThat(c.get(name).get("verdict").asText()).as(name + ": " + c.get(name)).isEqualTo("PASS");
        }
        assertThat(c.get("onchain_node").get("verdict").asText()).isEqualTo("SKIP");
        assertThat(c).containsKeys("isolation", "disk", "systemd");
    }

    @Test
    void wrongKeyIsRefusedByTheRelayer() throws Exception {
        // account.json (the key of record, registered on chain) names another public key than the keystore holds.
        ObjectNode account = (ObjectNode) JSON.readTree(accountText);
        account.put("public_key", "0x1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcde");
        Files.writeString(home.resolve(".smainer/account.json"), account.toString());
        CliRun cli = cli().run("doctor", "--json");
        Map<String, JsonNode> c = checks(cli);
        assertThat(cli.exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(c.get("keystore").get("verdict").asText()).isEqualTo("FAIL");
        assertThat(c.get("node_register").get("verdict").asText()).isEqualTo("FAIL");
        assertThat(c.get("node_register").get("message").asText()).contains("refused node_register")
                .contains("auth_signature does not verify");
    }

    @Test
    void clockSkewFromAnInjectedClockFailsClockAndRegistration() throws Exception {
        CliRun cli = cli();
        cli.clock = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
        cli.run("doctor", "--json");
        Map<String, JsonNode> c = checks(cli);
        assertThat(cli.exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(c.get("clock").get("verdict").asText()).isEqualTo("FAIL");
        assertThat(c.get("clock").get("message").asText()).containsPattern("skew \\+(599|600|601) s");
        assertThat(c.get("clock").get("fix").asText()).contains("timedatectl set-ntp true");
        assertThat(c.get("node_register").get("verdict").asText()).isEqualTo("FAIL");
        assertThat(c.get("node_register").get("message").asText()).contains("timestamp");

        cli.clock = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-60));
        cli.run("doctor", "--json");
        assertThat(checks(cli).get("clock").get("verdict").asText()).isEqualTo("WARN");
    }

    @Test
    void withoutAPassphraseDecryptionIsNotTested() throws Exception {
        CliRun cli = cli();
        cli.env.remove("SMAINER_KEYSTORE_PASSWORD");
        cli.run("doctor", "--json");
        Map<String, JsonNode> c = checks(cli);
        assertThat(c.get("keystore").get("verdict").asText()).isEqualTo("WARN");
        assertThat(c.get("keystore").get("message").asText()).contains("cannot test decryption");
        assertThat(c.get("node_register").get("verdict").asText()).isEqualTo("WARN");
    }

    @Test
    void bundleHoldsResultsProbeAndRedactedConfigButNoSecrets() throws Exception {
        String secretKey = "0x5ec2e7000000000000000000000000000000000000000000000000000000abc";
        Files.writeString(home.resolve(".smainer/provider.toml"), configText + "private_key = '" + secretKey + "'\n");
        Path bundle = home.resolve("out/diag.zip");
        CliRun cli = cli();
        cli.env.put("SMAINER_API_KEY", RelayerLiteProcess.API_KEY);
        cli.run("doctor", "--bundle", bundle.toString());
        assertThat(cli.err).contains("diagnostics bundle written: " + bundle);
        assertThat(cli.out).contains("WARN  config").contains("plaintext private_key (value not shown)").doesNotContain(secretKey);
        assertThat(Files.getPosixFilePermissions(bundle)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                zip.transferTo(b);
                entries.put(e.getName(), b.toString(StandardCharsets.UTF_8));
            }
        }
        assertThat(entries).containsKeys("doctor.json", "isolation-probe.json", "provider-config.json", "README.txt");
        assertThat(JSON.readTree(entries.get("provider-config.json")).at("/values/private_key").asText()).isEqualTo("<redacted>");
        assertThat(JSON.readTree(entries.get("isolation-probe.json")).has("cgroup_version")).isTrue();
        assertThat(JSON.readTree(entries.get("doctor.json")).get("checks")).hasSizeGreaterThanOrEqualTo(12);
        String keystore = Files.readString(home.resolve(".smainer/keystore.json"));
        String ciphertext = JSON.readTree(keystore).at("/crypto/ciphertext").asText();
        for (String content : entries.values()) {
            assertThat(content).doesNotContain(secretKey).doesNotContain(PASSPHRASE).doesNotContain(RelayerLiteProcess.API_KEY)
                    .doesNotContain(ciphertext);
        }
    }
}

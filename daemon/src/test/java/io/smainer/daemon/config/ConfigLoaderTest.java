package io.smainer.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    static final String ADDR = "0x04a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff";

    @TempDir
    Path tmp;

    private Path toml(String text) throws Exception {
        Path f = tmp.resolve("provider.toml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void defaultsThenFileThenEnvironmentThenFlags() throws Exception {
        Path file = toml("account_address = \"" + ADDR + "\"\nheartbeat_interval = 10\nmax_concurrent_tasks = 3\n"
                + "relayer_url = \"ws://file:1\"\n");
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.RELAYER_URL, "wss://flag.example");
        DaemonConfig c = new ConfigLoader(Map.of("HEARTBEAT_INTERVAL", "5", "RELAYER_WS_URL", "ws://env:2",
                "SMAINER_STATE_DIR", tmp.toString())).load(file, flags);
        assertThat(c.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.maxConcurrentTasks()).isEqualTo(3);
        assertThat(c.relayerUrl().toString()).isEqualTo("wss://flag.example");
        assertThat(c.drainTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(c.deadConnectionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.stateDir()).isEqualTo(tmp);
    }

    @Test
    void nodeIdDefaultsToTheAddressDerivationAndFillsThePathTemplate() throws Exception {
        DaemonConfig c = new ConfigLoader(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR, "RELAYER_WS_URL", "ws://localhost:8000/"))
                .load(toml(""), Map.of());
        assertThat(c.nodeId()).isEqualTo("04a1b2c3d4e5f60718293a4b");
        assertThat(c.webSocketUri().toString()).isEqualTo("ws://localhost:8000/ws/04a1b2c3d4e5f60718293a4b");
        DaemonConfig alt = new ConfigLoader(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR, "SMAINER_WS_PATH_TEMPLATE", "/ws/node/{node_id}",
                "NODE_ID", "my-node")).load(toml(""), Map.of());
        assertThat(alt.webSocketUri().getPath()).isEqualTo("/ws/node/my-node");
    }

    @Test
    void invalidValueNamesKeyValueSourceAndFix() throws Exception {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR, "HEARTBEAT_INTERVAL", "soon"))
                .load(toml(""), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("heartbeat_interval='soon'")
                .hasMessageContaining("environment HEARTBEAT_INTERVAL")
                .hasMessageContaining("number of seconds");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR)).load(toml(""),
                Map.of(ConfigKey.RELAYER_URL, "http://x:1")))
                .hasMessageContaining("relayer_url='http://x:1'").hasMessageContaining("flag --relayer")
                .hasMessageContaining("ws:// or wss://");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(toml(""), Map.of()))
                .hasMessageContaining("account_address").hasMessageContaining("STARKNET_ACCOUNT_ADDRESS");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR)).load(toml(""),
                Map.of(ConfigKey.STATUS_HOST, "0.0.0.0")))
                .hasMessageContaining("status_host='0.0.0.0'").hasMessageContaining("loopback");
    }

    @Test
    void unknownFileKeysAndMissingExplicitFileFail() throws Exception {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(toml("heartbeat = 3\n"), Map.of()))
                .hasMessageContaining("unknown key 'heartbeat'");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(tmp.resolve("nope.toml"), Map.of()))
                .hasMessageContaining("nope.toml").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(toml("x = [\n"), Map.of()))
                .hasMessageContaining("cannot be read as TOML");
    }

    @Test
    void secretsNeverPrint() throws Exception {
        DaemonConfig c = new ConfigLoader(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR, "STARKNET_PRIVATE_KEY", "0xdeadbeef1234",
                "SMAINER_KEYSTORE_PASSWORD", "hunter2-passphrase")).load(toml(""), Map.of());
        assertThat(c.privateKey().reveal()).isEqualTo("0xdeadbeef1234");
        assertThat(c.toString()).doesNotContain("deadbeef1234").doesNotContain("hunter2");
        assertThat(c.printable().get("private_key")).isEqualTo("<redacted>");
        assertThat(c.printable().get("keystore_password")).isEqualTo("<redacted>");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR, "STARKNET_PRIVATE_KEY", "x",
                "HEARTBEAT_INTERVAL", "-1")).load(toml(""), Map.of())).hasMessageNotContaining("private");
    }
}

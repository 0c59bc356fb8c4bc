package io.smainer.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smainer.sandbox.SandboxConfig;
import io.smainer.sandbox.UserNamespaceMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issue-6 keys: CUSTOM, the sandbox, limits with units, the AI backend. */
class SandboxedConfigTest {
    static final String ADDR = "0x04a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff";
    static final long MIB = 1L << 20;

    @TempDir
    Path tmp;

    private DaemonConfig load(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR));
        env.putAll(extra);
        return new ConfigLoader(env, tmp).load(Path.of("/dev/null"), Map.of());
    }

    private static void fails(Map<String, String> env, Path home, String... fragments) {
        Map<String, String> all = new HashMap<>(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR));
        all.putAll(env);
        assertThatThrownBy(() -> new ConfigLoader(all, home).load(Path.of("/dev/null"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContainingAll(fragments);
    }

    @Test
    void defaultsFollowProductionAndTheIssue() {
        DaemonConfig c = load(Map.of());
        SandboxSettings s = c.sandbox();
        assertThat(s.customEnabled()).isFalse();
        assertThat(s.runtimes().isEmpty()).isTrue();
        assertThat(s.memoryBytes()).isEqualTo(512 * MIB);
        assertThat(s.stdoutCapBytes()).isEqualTo(MIB);
        assertThat(s.stderrCapBytes()).isEqualTo(MIB);
        assertThat(s.taskUid()).as("auto").isNull();
        assertThat(s.taskGid()).as("auto").isNull();
        assertThat(s.tempDir()).isEqualTo(Path.of("/tmp"));
        assertThat(s.cgroupParent()).isEqualTo("smainer");
        assertThat(s.launcher()).isEqualTo(tmp.resolve("lib/smainer-launch"));
        AiSettings ai = c.ai();
        assertThat(ai.enabled()).isTrue();
        assertThat(ai.backend()).isEqualTo(AiSettings.Backend.OLLAMA);
        assertThat(ai.baseUrl().toString()).isEqualTo("http://127.0.0.1:11434");
        assertThat(ai.allowedModels()).containsExactly("*");
        assertThat(ai.defaultModel()).isEmpty();
        assertThat(c.printable()).containsEntry("default_memory_limit", "512MiB").containsEntry("sandbox_uid", "auto")
                .containsEntry("allowed_models", "*").containsEntry("enable_custom_tasks", "false");
    }

    @Test
    void memoryLimitAcceptsProductionNumbersAndUnits() {
        assertThat(load(Map.of("DEFAULT_MEMORY_LIMIT", "512")).sandbox().memoryBytes()).as("bare = MB").isEqualTo(512 * MIB);
        assertThat(load(Map.of("DEFAULT_MEMORY_LIMIT", "512MB")).sandbox().memoryBytes()).isEqualTo(512 * MIB);
        assertThat(load(Map.of("DEFAULT_MEMORY_LIMIT", "256 MiB")).sandbox().memoryBytes()).isEqualTo(256 * MIB);
        assertThat(load(Map.of("DEFAULT_MEMORY_LIMIT", "1g")).sandbox().memoryBytes()).isEqualTo(1024 * MIB);
        assertThat(load(Map.of("DEFAULT_MEMORY_LIMIT", "1.5GB")).sandbox().memoryBytes()).isEqualTo(1536 * MIB);
        assertThat(load(Map.of("SMAINER_STDOUT_CAP", "64k", "SMAINER_STDERR_CAP", "4096")).sandbox())
                .extracting(SandboxSettings::stdoutCapBytes, SandboxSettings::stderrCapBytes).containsExactly(65536L, 4096L);
        fails(Map.of("DEFAULT_MEMORY_LIMIT", "lots"), tmp, "default_memory_limit='lots'", "environment DEFAULT_MEMORY_LIMIT",
                "is not a size");
        fails(Map.of("DEFAULT_MEMORY_LIMIT", "8MB"), tmp, "default_memory_limit='8MB'", "outside [16MiB, 1TiB]");
        fails(Map.of("SMAINER_STDOUT_CAP", "1g"), tmp, "stdout_cap='1g'", "outside");
    }

    @Test
    void customNeedsAllowListedRuntimesAndAnUnprivilegedUser() {
        DaemonConfig c = load(Map.of("ENABLE_CUSTOM_TASKS", "true", "SMAINER_CUSTOM_RUNTIMES",
                "python3=/usr/bin/python3,sh=/bin/sh", "SMAINER_SANDBOX_UID", "998", "SMAINER_SANDBOX_GID", "997"));
        assertThat(c.sandbox().customEnabled()).isTrue();
        assertThat(c.sandbox().runtimes().interpreters()).containsExactly(Map.entry("python3", Path.of("/usr/bin/python3")),
                Map.entry("sh", Path.of("/bin/sh")));
        assertThat(c.sandbox().taskUid()).isEqualTo(998);
        assertThat(c.sandbox().taskGid()).isEqualTo(997);
        assertThat(c.printable()).containsEntry("custom_runtimes", "python3=/usr/bin/python3,sh=/bin/sh");
        fails(Map.of("ENABLE_CUSTOM_TASKS", "true"), tmp, "custom_runtimes=''", "is empty while enable_custom_tasks=true");
        fails(Map.of("SMAINER_CUSTOM_RUNTIMES", "python3"), tmp, "custom_runtimes='python3'", "name=/absolute/path");
        fails(Map.of("SMAINER_SANDBOX_UID", "0"), tmp, "sandbox_uid='0'", "must not be root");
        fails(Map.of("SMAINER_SANDBOX_GID", "nobody"), tmp, "sandbox_gid='nobody'", "not a numeric id");
        fails(Map.of("SANDBOX_TEMP_DIR", "tmp"), tmp, "sandbox_temp_dir='tmp'", "absolute");
        fails(Map.of("SMAINER_SANDBOX_CGROUP_PARENT", "../escape"), tmp, "sandbox_cgroup_parent='../escape'", "plain directory name");
    }

    @Test
    void userNamespaceModeAndWarmLaunchers() {
        SandboxSettings d = load(Map.of()).sandbox();
        assertThat(d.userns()).isEqualTo(UserNamespaceMode.AUTO);
        assertThat(d.prewarm()).isEqualTo(SandboxConfig.DEFAULT_PREWARM);
        assertThat(ConfigKey.SANDBOX_PREWARM.defaultValue()).isEqualTo(Integer.toString(SandboxConfig.DEFAULT_PREWARM));
        assertThat(ConfigKey.SANDBOX_USERNS.envNames()).containsExactly(SandboxConfig.KEY_USERNS);
        assertThat(ConfigKey.SANDBOX_PREWARM.envNames()).containsExactly(SandboxConfig.KEY_PREWARM);
        assertThat(load(Map.of()).printable()).containsEntry("sandbox_userns", "auto").containsEntry("sandbox_prewarm", "1");

        DaemonConfig set = load(Map.of("SMAINER_SANDBOX_USERNS", "OFF", "SMAINER_SANDBOX_PREWARM", "0"));
        assertThat(set.sandbox().userns()).isEqualTo(UserNamespaceMode.OFF);
        assertThat(set.sandbox().prewarm()).as("0 disables warm launchers").isZero();
        assertThat(set.printable()).containsEntry("sandbox_userns", "off").containsEntry("sandbox_prewarm", "0");
        assertThat(load(Map.of("SMAINER_SANDBOX_PREWARM", "8")).sandbox().prewarm()).isEqualTo(SandboxConfig.MAX_PREWARM);

        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SANDBOX_USERNS, "off");
        flags.put(ConfigKey.SANDBOX_PREWARM, "2");
        SandboxSettings fromFlags = new ConfigLoader(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR, "SMAINER_SANDBOX_USERNS", "auto"), tmp)
                .load(Path.of("/dev/null"), flags).sandbox();
        assertThat(fromFlags.userns()).as("flag over environment").isEqualTo(UserNamespaceMode.OFF);
        assertThat(fromFlags.prewarm()).isEqualTo(2);

        fails(Map.of("SMAINER_SANDBOX_USERNS", "required"), tmp, "sandbox_userns='required'",
                "environment SMAINER_SANDBOX_USERNS", "must be auto", "or off");
        fails(Map.of("SMAINER_SANDBOX_PREWARM", "9"), tmp, "sandbox_prewarm='9'", "environment SMAINER_SANDBOX_PREWARM",
                "outside [0, 8]");
        fails(Map.of("SMAINER_SANDBOX_PREWARM", "-1"), tmp, "sandbox_prewarm='-1'", "outside [0, 8]");
        fails(Map.of("SMAINER_SANDBOX_PREWARM", "one"), tmp, "sandbox_prewarm='one'", "not a whole number");
    }

    @Test
    void launcherComesFromTheInstallElseTheSourceCheckoutElseTheConfig() throws Exception {
        Path built = tmp.resolve("sandbox/target/native/smainer-launch");
        Files.createDirectories(built.getParent());
        Files.writeString(built, "");
        assertThat(load(Map.of()).sandbox().launcher()).as("source checkout").isEqualTo(built);
        Path installed = tmp.resolve("lib/smainer-launch");
        Files.createDirectories(installed.getParent());
        Files.writeString(installed, "");
        assertThat(load(Map.of()).sandbox().launcher()).as("tarball wins").isEqualTo(installed);
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SANDBOX_LAUNCHER, "/opt/x/smainer-launch");
        assertThat(new ConfigLoader(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR), tmp).load(Path.of("/dev/null"), flags)
                .sandbox().launcher()).isEqualTo(Path.of("/opt/x/smainer-launch"));
        fails(Map.of("SMAINER_SANDBOX_LAUNCHER", "smainer-launch"), tmp, "sandbox_launcher='smainer-launch'", "absolute");
    }

    @Test
    void aiBackendStaysOnLoopbackAndTheAllowListIsExplicit() {
        DaemonConfig c = load(Map.of("SMAINER_AI_BACKEND", "openai", "SMAINER_OPENAI_BASE_URL", "http://localhost:8081",
                "OLLAMA_DEFAULT_MODEL", "llama3.1:8b", "SMAINER_ALLOWED_MODELS", "llama3.1:8b, qwen2.5:0.5b"));
        assertThat(c.ai().backend()).isEqualTo(AiSettings.Backend.OPENAI);
        assertThat(c.ai().baseUrl().toString()).isEqualTo("http://localhost:8081");
        assertThat(c.ai().defaultModel()).isEqualTo("llama3.1:8b");
        assertThat(c.ai().allowedModels()).isEqualTo(Set.of("llama3.1:8b", "qwen2.5:0.5b"));
        assertThat(load(Map.of("SMAINER_ENABLE_AI_TASKS", "false")).ai().enabled()).isFalse();
        fails(Map.of("OLLAMA_BASE_URL", "http://10.1.2.3:11434"), tmp, "ollama_base_url='http://10.1.2.3:11434'", "loopback");
        fails(Map.of("OLLAMA_BASE_URL", "http://127.0.0.1:11434/api"), tmp, "without a path");
        fails(Map.of("OLLAMA_BASE_URL", "ftp://127.0.0.1"), tmp, "http:// or https://");
        fails(Map.of("SMAINER_AI_BACKEND", "tgi"), tmp, "ai_backend='tgi'", "ollama", "openai");
        fails(Map.of("SMAINER_ALLOWED_MODELS", " , "), tmp, "allowed_models", "enable_ai_tasks=false");
    }

    @Test
    void selfTestNeedsNoAccount() {
        DaemonConfig c = new ConfigLoader(Map.of(), tmp).load(Path.of("/dev/null"), Map.of(), false);
        assertThat(c.accountAddress()).isEmpty();
        assertThat(c.nodeId()).isEqualTo("selftest");
        assertThatThrownBy(() -> new ConfigLoader(Map.of(), tmp).load(Path.of("/dev/null"), Map.of()))
                .hasMessageContaining("account_address");
    }

    @Test
    void byteSizesFormatExactly() {
        assertThat(ByteSize.format(512 * MIB)).isEqualTo("512MiB");
        assertThat(ByteSize.format(1L << 30)).isEqualTo("1GiB");
        assertThat(ByteSize.format(65537)).isEqualTo("65537B");
        assertThat(ByteSize.parse("2t", 1)).isEqualTo(2L << 40);
        assertThatThrownBy(() -> ByteSize.parse("-1", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

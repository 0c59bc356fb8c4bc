package io.smainer.daemon.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.daemon.config.ConfigLoader;
import io.smainer.daemon.config.SandboxSettings;
import io.smainer.sandbox.SandboxConfig;
import io.smainer.sandbox.TaskUser;
import io.smainer.sandbox.UserNamespaceMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox config the daemon builds from its settings, and the task user namespace facts {@code /status}
 * shows, against a fake {@code /proc} (no root, nothing opened).
 */
class TaskIsolationTest {
    static final String ADDR = "0x04a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff";
    static final TaskUser USER = new TaskUser(998, 997);

    @TempDir
    Path tmp;

    private SandboxSettings settings(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("STARKNET_ACCOUNT_ADDRESS", ADDR));
        env.putAll(extra);
        return new ConfigLoader(env, tmp).load(Path.of("/dev/null"), Map.of()).sandbox();
    }

    /** A /proc with a user namespace entry and the given {@code user.max_user_namespaces}. */
    private Path proc(String maxUserNamespaces) throws Exception {
        Path proc = Files.createDirectories(tmp.resolve("proc-" + maxUserNamespaces));
        Files.createDirectories(proc.resolve("self/ns"));
        Files.writeString(proc.resolve("self/ns/user"), "");
        Files.createDirectories(proc.resolve("sys/user"));
        Files.writeString(proc.resolve("sys/user/max_user_namespaces"), maxUserNamespaces + "\n");
        return proc;
    }

    private static ObjectNode status(TaskIsolation isolation) {
        ObjectNode status = new ObjectMapper().createObjectNode();
        new IsolationStatus(isolation.report(), List.of(), new ModelOffer(null, "ollama", "http://127.0.0.1:11434"))
                .addTo(status);
        return status;
    }

    @Test
    void sandboxConfigCarriesTheUserNamespaceModeAndTheWarmLaunchers() {
        SandboxConfig defaults = TaskIsolation.sandboxConfig(settings(Map.of()), USER, "smainer");
        assertThat(defaults.userns()).isEqualTo(UserNamespaceMode.AUTO);
        assertThat(defaults.prewarm()).isEqualTo(SandboxConfig.DEFAULT_PREWARM);
        SandboxConfig set = TaskIsolation.sandboxConfig(settings(Map.of("SMAINER_SANDBOX_USERNS", "off",
                "SMAINER_SANDBOX_PREWARM", "0")), USER, "smainer-x");
        assertThat(set.userns()).isEqualTo(UserNamespaceMode.OFF);
        assertThat(set.prewarm()).isZero();
        assertThat(set.taskUid()).isEqualTo(998);
        assertThat(set.cgroupParentName()).isEqualTo("smainer-x");
    }

    @Test
    void statusShowsWhetherTasksGetAUserNamespaceAndWhy() throws Exception {
        ObjectNode on = status(TaskIsolation.start(settings(Map.of()), USER, "smainer", proc("1000"), false));
        assertThat(on.at("/isolation/task_userns").asBoolean()).isTrue();
        assertThat(on.at("/isolation/task_userns_reason").asText()).contains("maps only uid 998 and gid 997");

        ObjectNode hostOff = status(TaskIsolation.start(settings(Map.of()), USER, "smainer", proc("0"), false));
        assertThat(hostOff.at("/isolation/task_userns").asBoolean()).isFalse();
        assertThat(hostOff.at("/isolation/task_userns_reason").asText()).contains("user.max_user_namespaces is 0");
        assertThat(hostOff.at("/isolation/unprivileged_userns_allowed").asBoolean()).as("the host policy, a separate fact")
                .isFalse();

        ObjectNode off = status(TaskIsolation.start(settings(Map.of("SMAINER_SANDBOX_USERNS", "off")), USER, "smainer",
                proc("1000"), false));
        assertThat(off.at("/isolation/task_userns").asBoolean()).isFalse();
        assertThat(off.at("/isolation/task_userns_reason").asText()).isEqualTo("disabled by SMAINER_SANDBOX_USERNS=off");
        assertThat(off.at("/isolation/unprivileged_userns_allowed").asBoolean()).isTrue();
    }
}

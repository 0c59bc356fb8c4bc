package io.smainer.sandbox.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smainer.sandbox.SandboxConfig;
import io.smainer.sandbox.SandboxFixture;
import io.smainer.sandbox.UserNamespaceMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolationProbeTest {

    @Test
    void thisHostCanIsolate() {
        SandboxFixture.requireRoot();
        IsolationReport r = new IsolationProbe(SandboxFixture.config(), Path.of("/proc"), 0)
                .probe(Map.of("python3", Path.of("/usr/bin/python3"), "ruby", Path.of("/nonexistent/ruby")));
        assertThat(r.problems()).isEmpty();
        assertThat(r.available()).isTrue();
        assertThat(r.cgroupDelegated()).isTrue();
        assertThat(r.namespaces()).containsEntry("pid", true).containsEntry("net", true).containsEntry("mnt", true);
        assertThat(r.seccompAvailable()).isTrue();
        assertThat(r.taskUserns()).as(r.taskUsernsReason()).isTrue();
        assertThat(r.taskUsernsReason()).contains("maps only uid 65534 and gid 65534");
        assertThat(r.tmpfsAvailable()).isTrue();
        assertThat(r.allowedRuntimes().get("python3")).isEqualTo("/usr/bin/python3");
        assertThat(r.allowedRuntimes().get("ruby")).contains("missing").contains("SMAINER_CUSTOM_RUNTIMES");
        assertThat(r.toJsonMap()).containsEntry("task_userns", true).containsKeys("cgroup_version", "cgroup_controllers", "namespaces",
                "userns_restricted_by_apparmor", "seccomp_available", "allowed_runtimes", "gpu_devices");
    }

    @Test
    void ubuntuUsernsRestrictionNonRootAndMissingLauncherAreReported(@TempDir Path proc) throws Exception {
        Files.createDirectories(proc.resolve("sys/kernel"));
        Files.createDirectories(proc.resolve("self/ns"));
        Files.writeString(proc.resolve("sys/kernel/apparmor_restrict_unprivileged_userns"), "1\n");
        Files.writeString(proc.resolve("self/status"), "Name:\tjava\nSeccomp:\t0\n");
        Files.writeString(proc.resolve("filesystems"), "nodev\ttmpfs\n");
        SandboxConfig config = SandboxConfig.defaults(proc.resolve("no-launcher"));
        IsolationReport r = new IsolationProbe(config, proc, 1000).probe(Map.of());
        assertThat(r.available()).isFalse();
        assertThat(r.usernsRestrictedByAppArmor()).isTrue();
        assertThat(r.unprivilegedUsernsAllowed()).isFalse();
        assertThat(r.taskUserns()).isFalse();
        assertThat(r.taskUsernsReason()).contains("no user namespaces");
        assertThat(r.refusalReason()).contains("uid 1000").contains("pid namespace").contains("SMAINER_SANDBOX_LAUNCHER");
    }

    @Test
    void taskUserNamespaceIsOffWithAReasonWhenTheHostOrTheConfigSaysSo(@TempDir Path proc) throws Exception {
        Files.createDirectories(proc.resolve("self/ns"));
        Files.createDirectories(proc.resolve("sys/user"));
        Files.writeString(proc.resolve("self/ns/user"), "");
        Files.writeString(proc.resolve("sys/user/max_user_namespaces"), "0\n");
        SandboxConfig config = SandboxConfig.defaults(proc.resolve("no-launcher"));
        TaskUserNamespace zero = TaskUserNamespace.decide(UserNamespaceMode.AUTO, proc, 1000, 1000);
        assertThat(zero.enabled()).isFalse();
        assertThat(zero.reason()).contains("user.max_user_namespaces is 0").contains("SMAINER_SANDBOX_USERNS=off");
        IsolationReport r = new IsolationProbe(config, proc, 0).probe(Map.of());
        assertThat(r.taskUserns()).isFalse();
        assertThat(r.toJsonMap()).containsEntry("task_userns", false)
                .containsEntry("task_userns_reason", zero.reason());
        // Off userns is a fact, not a problem: it never makes isolation unavailable by itself.
        assertThat(r.problems()).noneMatch(p -> p.contains("user namespace"));

        Files.writeString(proc.resolve("sys/user/max_user_namespaces"), "15000\n");
        assertThat(TaskUserNamespace.decide(UserNamespaceMode.AUTO, proc, 1000, 1000).enabled()).isTrue();
        TaskUserNamespace off = TaskUserNamespace.decide(UserNamespaceMode.OFF, proc, 1000, 1000);
        assertThat(off.enabled()).isFalse();
        assertThat(off.reason()).isEqualTo("disabled by SMAINER_SANDBOX_USERNS=off");
        assertThat(UserNamespaceMode.parse("Off")).isEqualTo(UserNamespaceMode.OFF);
        assertThat(UserNamespaceMode.parse("auto")).isEqualTo(UserNamespaceMode.AUTO);
        assertThatThrownBy(() -> UserNamespaceMode.parse("maybe")).hasMessageContaining("SMAINER_SANDBOX_USERNS='maybe'");
    }
}

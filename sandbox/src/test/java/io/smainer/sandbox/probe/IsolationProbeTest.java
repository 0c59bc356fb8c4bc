package io.smainer.sandbox.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.sandbox.SandboxConfig;
import io.smainer.sandbox.SandboxFixture;
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
        assertThat(r.tmpfsAvailable()).isTrue();
        assertThat(r.allowedRuntimes().get("python3")).isEqualTo("/usr/bin/python3");
        assertThat(r.allowedRuntimes().get("ruby")).contains("missing").contains("SMAINER_CUSTOM_RUNTIMES");
        assertThat(r.toJsonMap()).containsKeys("cgroup_version", "cgroup_controllers", "namespaces",
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
        assertThat(r.refusalReason()).contains("uid 1000").contains("pid namespace").contains("SMAINER_SANDBOX_LAUNCHER");
    }
}

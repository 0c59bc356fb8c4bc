package io.smainer.sandbox.ns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smainer.sandbox.SandboxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchPlanTest {

    @Test
    void planCarriesOnlyWhatFollowsTheAssembledRootAndSetupCarriesTheRest() throws Exception {
        LaunchPlan plan = new LaunchPlan(RootFsLayout.workDir(1 << 20), Map.of("nofile", 64L), true,
                Map.of("PATH", "/usr/bin", "HOME", "/work"), List.of("/bin/sh", "-c", "echo a b"));
        assertThat(plan.words()).containsExactly("--tmpfs", "/work", "1048576", "--rlimit", "nofile", "64", "--seccomp",
                "--env", "HOME=/work", "--env", "PATH=/usr/bin", "--", "/bin/sh", "-c", "echo a b");
        assertThat(new String(plan.encode(), StandardCharsets.UTF_8)).isEqualTo(String.join("\0", plan.words()) + "\0");

        LauncherSetup setup = new LauncherSetup(List.of(Path.of("/cg/a/cgroup.procs")), Path.of("/tmp"),
                List.of(new MountOp.ReadOnlyBind(Path.of("/usr"), Path.of("/usr")), new MountOp.Dir(Path.of("/work"))),
                "smainer-task", Path.of("/work"), 1234, 1235, true);
        assertThat(setup.argv(Path.of("/lib/smainer-launch"))).containsExactly("/lib/smainer-launch", "--status-fd", "3",
                "--files-fd", "4", "--plan-fd", "5", "--cgroup-procs", "/cg/a/cgroup.procs", "--newroot", "/tmp",
                "--ro-bind", "/usr", "/usr", "--dir", "/work", "--hostname", "smainer-task", "--chdir", "/work",
                "--uid", "1234", "--gid", "1235", "--userns");
    }

    @Test
    void oversizedPlansAreRefusedBeforeTheLauncherSeesThem() {
        LaunchPlan big = new LaunchPlan(RootFsLayout.workDir(1 << 20), Map.of(), true,
                Map.of("BIG", "x".repeat(LaunchPlan.MAX_BYTES)), List.of("/bin/true"));
        assertThatThrownBy(big::encode).isInstanceOf(SandboxException.class).hasMessageContaining("over the launcher's 262144");
    }
}

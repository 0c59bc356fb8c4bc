package io.smainer.sandbox.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smainer.sandbox.SandboxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** v2 against a fake cgroupfs tree in a temp dir (this VM has no v2 controllers); no root needed. */
class CgroupV2DriverTest {
    @TempDir
    Path root;
    Path own;
    final List<Integer> killed = new ArrayList<>();

    /**
     * Behaves like cgroupfs where the driver can tell: mkdir creates the control files (without
     * {@code cgroup.kill} when {@code withKill} is false, like kernels before 5.14), writes need an existing
     * file, rmdir removes a directory that still holds control files.
     */
    static class FakeCgroupFs extends CgroupFs {
        private final boolean withKill;

        FakeCgroupFs(boolean withKill) {
            this.withKill = withKill;
        }

        @Override
        protected void makeDir(Path dir) throws IOException {
            Files.createDirectory(dir);
            List<String> files = new ArrayList<>(List.of("cgroup.procs", "cgroup.freeze", "cgroup.subtree_control",
                    "memory.max", "memory.swap.max", "memory.peak", "memory.events", "pids.max", "pids.events", "cpu.max",
                    "cpu.stat"));
            if (withKill) {
                files.add("cgroup.kill");
            }
            for (String f : files) {
                Files.writeString(dir.resolve(f), "");
            }
            Files.writeString(dir.resolve("cgroup.controllers"), "cpu memory pids\n");
        }

        @Override
        protected void removeDir(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @BeforeEach
    void tree() throws IOException {
        Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma misc\n");
        own = Files.createDirectories(root.resolve("system.slice/smainer-daemon.service"));
        Files.writeString(own.resolve("cgroup.subtree_control"), "cpu memory pids\n");
        Files.createDirectories(own.resolve("daemon"));
        Files.writeString(root.resolve("mountinfo"), "29 23 0:26 / " + root + " rw - cgroup2 cgroup2 rw,nsdelegate\n");
        Files.writeString(root.resolve("self-cgroup"), "0::/system.slice/smainer-daemon.service/daemon\n");
    }

    private CgroupDriver detect() throws SandboxException {
        return detect(new FakeCgroupFs(true), killed::add);
    }

    private CgroupDriver detect(CgroupFs fs, ProcessKiller killer) throws SandboxException {
        return new CgroupDetector(root.resolve("mountinfo"), root.resolve("self-cgroup"), "smainer").detect(fs, killer);
    }

    @Test
    void choosesV2AndPutsTasksBesideTheDaemonLeaf() throws Exception {
        CgroupDriver driver = detect();
        assertThat(driver.version()).isEqualTo(CgroupVersion.V2);
        assertThat(driver.parents()).containsEntry("unified", own.resolve("smainer"));
        assertThat(driver.delegationProblem()).isNull();
    }

    @Test
    void planIsDataWithTheKernelFileNames() throws Exception {
        CgroupDriver driver = detect();
        Path task = own.resolve("smainer/t1");
        assertThat(driver.planCreate("t1", new CgroupLimits(512L << 20, 128, 50_000, 100_000))).containsExactly(
                new CgroupOp.MakeDir(task),
                new CgroupOp.WriteFile(task.resolve("memory.max"), Long.toString(512L << 20)),
                new CgroupOp.WriteIfPresent(task.resolve("memory.swap.max"), "0"),
                new CgroupOp.WriteFile(task.resolve("pids.max"), "128"),
                new CgroupOp.WriteFile(task.resolve("cpu.max"), "50000 100000"));
        assertThat(driver.planCreate("t2", new CgroupLimits(64L << 20, 8, -1, 100_000)))
                .contains(new CgroupOp.WriteFile(own.resolve("smainer/t2/cpu.max"), "max 100000"));
    }

    @Test
    void createsReadsUsageKillsAndRemoves() throws Exception {
        FakeCgroupFs fs = new FakeCgroupFs(true);
        CgroupDriver driver = detect(fs, killed::add);
        fs.apply(driver.planPrepare());
        assertThat(Files.readString(own.resolve("smainer/cgroup.subtree_control"))).isEqualTo("+cpu +memory +pids");
        TaskCgroup cg = driver.create("t1", new CgroupLimits(64L << 20, 8, 20_000, 100_000));
        Path t1 = own.resolve("smainer/t1");
        assertThat(Files.readString(t1.resolve("memory.max"))).isEqualTo(Long.toString(64L << 20));
        assertThat(Files.readString(t1.resolve("memory.swap.max"))).isEqualTo("0");
        assertThat(Files.readString(t1.resolve("pids.max"))).isEqualTo("8");
        assertThat(Files.readString(t1.resolve("cpu.max"))).isEqualTo("20000 100000");
        assertThat(cg.procsFiles()).containsExactly(t1.resolve("cgroup.procs"));
        Files.writeString(t1.resolve("memory.events"), "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n");
        Files.writeString(t1.resolve("pids.events"), "max 7\n");
        Files.writeString(t1.resolve("cpu.stat"), "usage_usec 1500\nuser_usec 1000\nsystem_usec 500\n");
        Files.writeString(t1.resolve("memory.peak"), "1048576\n");
        assertThat(cg.usage()).isEqualTo(new CgroupUsage(1048576, 1500, 1, 7));
        cg.destroy();
        assertThat(t1).doesNotExist();
        assertThat(killed).isEmpty();
        assertThatThrownBy(() -> {
            Files.createDirectories(t1);
            driver.create("t1", new CgroupLimits(64L << 20, 8, 20_000, 100_000));
        }).isInstanceOf(SandboxException.class).hasMessageContaining("already exists");
    }

    @Test
    void cgroupKillIsWrittenWhenTheKernelHasIt() throws Exception {
        FakeCgroupFs fs = new FakeCgroupFs(true);
        CgroupDriver driver = detect(fs, killed::add);
        fs.apply(driver.planPrepare());
        TaskCgroup cg = driver.create("t5", new CgroupLimits(64L << 20, 8, -1, 100_000));
        Path kill = own.resolve("smainer/t5/cgroup.kill");
        cg.killAll();
        assertThat(Files.readString(kill)).isEqualTo("1");
        cg.destroy();
    }

    @Test
    void missingDelegationNamesControllersPathAndFix() throws Exception {
        Files.writeString(own.resolve("cgroup.subtree_control"), "memory\n");
        String problem = detect().delegationProblem();
        assertThat(problem).contains("[cpu, pids]").contains(own.resolve("cgroup.subtree_control").toString())
                .contains("Delegate=yes").contains(CgroupFs.CONFIG_KEY);
    }

    @Test
    void freezeThenKillWhenCgroupKillIsMissing() throws Exception {
        Path t4 = own.resolve("smainer/t4");
        List<Integer> seen = new ArrayList<>();
        List<String> freezeStates = new ArrayList<>();
        FakeCgroupFs fs = new FakeCgroupFs(false) {
            @Override
            protected void write(Path file, String value) throws IOException {
                super.write(file, value);
                if (file.getFileName().toString().equals("cgroup.freeze")) {
                    freezeStates.add(value);
                }
            }
        };
        CgroupDriver driver = detect(fs, pid -> {
            seen.add(pid);
            try {
                Files.writeString(t4.resolve("cgroup.procs"), ""); // a killed process leaves cgroup.procs
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        fs.apply(driver.planPrepare());
        driver.create("t4", new CgroupLimits(64L << 20, 8, -1, 100_000));
        Files.writeString(t4.resolve("cgroup.procs"), "4242\n");
        assertThat(driver.reapStale()).isEqualTo(1);
        assertThat(seen).containsExactly(4242);
        assertThat(freezeStates).containsExactly("1", "0");
        assertThat(t4).doesNotExist();
    }
}

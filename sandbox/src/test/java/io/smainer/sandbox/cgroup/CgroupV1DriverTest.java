package io.smainer.sandbox.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.sandbox.SandboxFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import jnr.constants.platform.Signal;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** v1 for real on this host's hierarchies (root): limits land in the kernel, kill empties the tree. */
class CgroupV1DriverTest {
    private final POSIX posix = POSIXFactory.getNativePOSIX();
    private CgroupDriver driver;
    private final CgroupFs fs = new CgroupFs();

    @BeforeEach
    void open() throws Exception {
        SandboxFixture.requireRoot();
        driver = CgroupDetector.system("smainer-v1test-" + UUID.randomUUID().toString().substring(0, 8))
                .detect(fs, pid -> posix.kill(pid, Signal.SIGKILL.intValue()));
        fs.apply(driver.planPrepare());
    }

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.reapStale();
            for (Path p : driver.parents().values()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void limitsAreEnforcedByTheKernelAndKillEmptiesTheTree() throws Exception {
        if (driver.version() != CgroupVersion.V1) {
            // On a v2 host CgroupV2DriverTest and the hostile suite cover the driver; this test is for v1 hosts.
            assertThat(driver.version()).isEqualTo(CgroupVersion.V2);
            return;
        }
        TaskCgroup cg = driver.create("t1", new CgroupLimits(96L << 20, 16, 25_000, 100_000));
        Path mem = driver.parents().get("memory").resolve("t1");
        assertThat(Files.readString(mem.resolve("memory.limit_in_bytes")).trim()).isEqualTo(Long.toString(96L << 20));
        assertThat(Files.readString(driver.parents().get("pids").resolve("t1/pids.max")).trim()).isEqualTo("16");
        assertThat(Files.readString(driver.parents().get("cpu").resolve("t1/cpu.cfs_quota_us")).trim()).isEqualTo("25000");
        Process sleeper = new ProcessBuilder("sh", "-c", "sleep 300 & sleep 300 & wait").start();
        for (Path procs : cg.procsFiles()) {
            Files.writeString(procs, Long.toString(sleeper.pid()));
        }
        // children forked after the join are in the cgroup too
        Thread.sleep(200);
        assertThat(fs.pids(cg.procsFiles().get(0)).size()).isGreaterThanOrEqualTo(1);
        cg.destroy();
        assertThat(sleeper.waitFor()).isEqualTo(137);
        for (Path d : cg.dirs()) {
            assertThat(d).doesNotExist();
        }
    }
}

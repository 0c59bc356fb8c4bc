package io.smainer.sandbox.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smainer.sandbox.SandboxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupDetectorTest {
    @TempDir
    Path dir;

    private CgroupDriver detect(String mountinfo, String self) throws Exception {
        Files.writeString(dir.resolve("mi"), mountinfo);
        Files.writeString(dir.resolve("cg"), self);
        return new CgroupDetector(dir.resolve("mi"), dir.resolve("cg"), "smainer").detect(new CgroupFs(), pid -> { });
    }

    @Test
    void hybridHostWithV1ControllersPicksV1BelowOwnCgroups() throws Exception {
        CgroupDriver d = detect("""
                32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct
                35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
                37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
                39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
                41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
                """, "4:memory:/system.slice/x.service\n2:cpu,cpuacct:/\n0::/\n");
        assertThat(d.version()).isEqualTo(CgroupVersion.V1);
        assertThat(d.parents()).containsEntry("memory", Path.of("/sys/fs/cgroup/memory/system.slice/x.service/smainer"))
                .containsEntry("cpu", Path.of("/sys/fs/cgroup/cpu,cpuacct/smainer"))
                .containsEntry("cpuacct", Path.of("/sys/fs/cgroup/cpu,cpuacct/smainer"));
    }

    @Test
    void pureV2HostPicksV2() throws Exception {
        CgroupDriver d = detect("29 23 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n",
                "0::/system.slice/smainer-daemon.service\n");
        assertThat(d.version()).isEqualTo(CgroupVersion.V2);
        assertThat(d.parents().get("unified")).isEqualTo(Path.of("/sys/fs/cgroup/system.slice/smainer-daemon.service/smainer"));
    }

    @Test
    void noCgroupsNamesTheMountTable() {
        assertThatThrownBy(() -> detect("22 27 0:21 / /proc rw - proc proc rw\n", "0::/\n"))
                .isInstanceOf(SandboxException.class).hasMessageContaining(dir.resolve("mi").toString())
                .hasMessageContaining("cgroup2");
    }

    @Test
    void mountInfoUnescapesOctal() {
        assertThat(MountInfoParser.parse("1 2 0:1 / /mnt/with\\040space rw - tmpfs tmpfs rw\n").get(0).mountPoint())
                .isEqualTo(Path.of("/mnt/with space"));
    }
}

package io.smainer.daemon.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.protocol.api.Tier;
import io.smainer.protocol.wire.GpuDevice;
import io.smainer.protocol.wire.HardwareSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardwareDetectorTest {
    @TempDir
    Path tmp;

    private HostPaths fakeHost(String procVersion, List<String> nvidiaSmi) throws Exception {
        Files.writeString(tmp.resolve("cpuinfo"), "processor\t: 0\nmodel name\t: X\n\nprocessor\t: 1\n\nprocessor\t: 2\n");
        Files.writeString(tmp.resolve("meminfo"), "MemTotal:       16303684 kB\nMemFree:  100 kB\nMemAvailable:    8151842 kB\n");
        Files.writeString(tmp.resolve("version"), procVersion);
        Files.writeString(tmp.resolve("stat"), "cpu  100 0 100 800 0 0 0 0 0 0\n");
        return new HostPaths(tmp.resolve("cpuinfo"), tmp.resolve("meminfo"), tmp.resolve("version"), tmp.resolve("stat"), nvidiaSmi);
    }

    private List<String> fakeNvidiaSmi(String output, int exit) throws Exception {
        Path script = tmp.resolve("nvidia-smi");
        Files.writeString(script, "#!/bin/sh\n[ \"$1\" = \"--query-gpu=name,memory.total,driver_version\" ] || exit 9\n"
                + "[ \"$2\" = \"--format=csv,noheader\" ] || exit 9\ncat <<'OUT'\n" + output + "OUT\nexit " + exit + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return List.of(script.toString());
    }

    @Test
    void readsProcFilesAndNvidiaSmi() throws Exception {
        HostPaths host = fakeHost("Linux version 6.1.0-28-amd64 (debian-kernel@lists.debian.org)\n",
                fakeNvidiaSmi("NVIDIA H100 80GB HBM3, 81559 MiB, 550.54.15\nNVIDIA GeForce RTX 3060, 12288 MiB, 550.54.15\n", 0));
        HardwareSpec hw = new HardwareDetector(host).detect(tmp);
        assertThat(hw.cpuThreads()).isEqualTo(3);
        assertThat(hw.ramGb()).isEqualTo(15.55);
        assertThat(hw.gpuAvailable()).isTrue();
        assertThat(hw.gpuInfo()).extracting(GpuDevice::name).containsExactly("NVIDIA H100 80GB HBM3", "NVIDIA GeForce RTX 3060");
        assertThat(hw.gpuInfo().get(0).memoryGb()).isEqualTo(79.65);
        assertThat(hw.gpuVramGb()).isEqualTo(79.65 + 12.0);
        assertThat(hw.gpuModel()).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(hw.nodeTier()).isEqualTo(Tier.PREMIUM);
        assertThat(hw.isWsl2()).isFalse();
        assertThat(hw.storageGb()).isPositive();
        assertThat(hw.architecture()).isEqualTo(System.getProperty("os.arch"));
    }

    @Test
    void noNvidiaSmiOrFailingOneMeansNoGpu() throws Exception {
        HardwareSpec missing = new HardwareDetector(fakeHost("Linux", List.of(tmp.resolve("absent").toString()))).detect(tmp);
        assertThat(missing.gpuAvailable()).isFalse();
        assertThat(missing.gpuInfo()).isEmpty();
        assertThat(missing.nodeTier()).isEqualTo(Tier.BASIC);
        HardwareSpec failing = new HardwareDetector(fakeHost("Linux",
                fakeNvidiaSmi("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\n", 9))).detect(tmp);
        assertThat(failing.gpuAvailable()).isFalse();
    }

    @Test
    void detectsWsl2() throws Exception {
        HostPaths wsl2 = fakeHost("Linux version 5.15.153.1-microsoft-standard-WSL2 (root@65c757a075e2) (gcc)\n", List.of("/nonexistent"));
        assertThat(new HardwareDetector(wsl2).detect(tmp).isWsl2()).isTrue();
        HostPaths wsl1 = fakeHost("Linux version 4.4.0-19041-Microsoft (Microsoft@Microsoft.com) (gcc version 5.4.0)\n", List.of("/nonexistent"));
        assertThat(new HardwareDetector(wsl1).detect(tmp).isWsl2()).isFalse();
    }

    @Test
    void parserSkipsGarbageAndHandlesUnits() {
        assertThat(NvidiaSmiParser.parse("garbage\n, ,\nTesla T4, 15360 MiB, 535.1\nA, 16 GiB, 1\n"))
                .extracting(GpuDevice::memoryGb).containsExactly(15.0, 16.0);
        assertThat(HardwareDetector.tier(NvidiaSmiParser.parse("RTX, 12288 MiB, 1"))).isEqualTo(Tier.PRO);
    }

    @Test
    void systemLoadFromProcStatDeltaAndMeminfo() throws Exception {
        HostPaths host = fakeHost("Linux", List.of("/nonexistent"));
        SystemLoad load = new SystemLoad(host);
        assertThat(load.cpuUsagePercent()).isZero();
        Files.writeString(tmp.resolve("stat"), "cpu  200 0 200 1000 0 0 0 0 0 0\n");
        assertThat(load.cpuUsagePercent()).isEqualTo(50.0);
        assertThat(load.memoryUsagePercent()).isEqualTo(50.0);
    }
}

package io.smainer.sandbox;

import io.smainer.sandbox.cgroup.CgroupLimits;
import java.time.Duration;

/**
 * Per-task limits. Defaults follow PROTOCOL.md §5 ({@code DEFAULT_MEMORY_LIMIT} 512 MB,
 * {@code DEFAULT_TIMEOUT} 300 s) and issue 6 (stdout/stderr capped at 1 MiB each). The tmpfs work dir
 * is charged to the task's memory cgroup, so it must be smaller than the memory limit.
 *
 * @param cpuMillicores 1000 = one full core; 0 = unlimited (still accounted)
 */
public record SandboxLimits(
        long memoryBytes,
        long pidsMax,
        long cpuMillicores,
        Duration wallTimeout,
        long tmpfsBytes,
        long stdoutCapBytes,
        long stderrCapBytes,
        long openFilesMax) {

    public static final long MIB = 1L << 20;
    static final long CPU_PERIOD_MICROS = 100_000;

    public SandboxLimits {
        check(memoryBytes >= 8 * MIB, "memoryBytes", memoryBytes, ">= 8 MiB (DEFAULT_MEMORY_LIMIT)");
        check(pidsMax >= 2 && pidsMax <= 1 << 16, "pidsMax", pidsMax, "2..65536");
        check(cpuMillicores >= 0 && cpuMillicores <= 1024_000, "cpuMillicores", cpuMillicores, "0 (unlimited) or 1..1024000");
        check(wallTimeout != null && !wallTimeout.isNegative() && !wallTimeout.isZero()
                && wallTimeout.compareTo(Duration.ofHours(24)) <= 0, "wallTimeout", wallTimeout, "1 ms..24 h (DEFAULT_TIMEOUT)");
        check(tmpfsBytes >= 64 * 1024 && tmpfsBytes < memoryBytes, "tmpfsBytes", tmpfsBytes,
                "64 KiB..memoryBytes-1 (the tmpfs is charged to the task's memory)");
        check(stdoutCapBytes >= 0 && stdoutCapBytes <= 256 * MIB, "stdoutCapBytes", stdoutCapBytes, "0..256 MiB");
        check(stderrCapBytes >= 0 && stderrCapBytes <= 256 * MIB, "stderrCapBytes", stderrCapBytes, "0..256 MiB");
        check(openFilesMax >= 16 && openFilesMax <= 1 << 20, "openFilesMax", openFilesMax, "16..1048576");
    }

    private static void check(boolean ok, String name, Object value, String range) {
        if (!ok) {
            throw new IllegalArgumentException("sandbox limit " + name + "=" + value + " is out of range; use " + range);
        }
    }

    public static SandboxLimits defaults() {
        return new SandboxLimits(512 * MIB, 256, 1000, Duration.ofSeconds(300), 64 * MIB, MIB, MIB, 1024);
    }

    public SandboxLimits withMemoryBytes(long v) {
        return new SandboxLimits(v, pidsMax, cpuMillicores, wallTimeout, tmpfsBytes, stdoutCapBytes, stderrCapBytes, openFilesMax);
    }

    public SandboxLimits withPidsMax(long v) {
        return new SandboxLimits(memoryBytes, v, cpuMillicores, wallTimeout, tmpfsBytes, stdoutCapBytes, stderrCapBytes, openFilesMax);
    }

    public SandboxLimits withCpuMillicores(long v) {
        return new SandboxLimits(memoryBytes, pidsMax, v, wallTimeout, tmpfsBytes, stdoutCapBytes, stderrCapBytes, openFilesMax);
    }

    public SandboxLimits withWallTimeout(Duration v) {
        return new SandboxLimits(memoryBytes, pidsMax, cpuMillicores, v, tmpfsBytes, stdoutCapBytes, stderrCapBytes, openFilesMax);
    }

    public SandboxLimits withTmpfsBytes(long v) {
        return new SandboxLimits(memoryBytes, pidsMax, cpuMillicores, wallTimeout, v, stdoutCapBytes, stderrCapBytes, openFilesMax);
    }

    public SandboxLimits withOutputCaps(long stdout, long stderr) {
        return new SandboxLimits(memoryBytes, pidsMax, cpuMillicores, wallTimeout, tmpfsBytes, stdout, stderr, openFilesMax);
    }

    public CgroupLimits cgroupLimits() {
        long quota = cpuMillicores == 0 ? -1 : Math.max(1000, cpuMillicores * CPU_PERIOD_MICROS / 1000);
        return new CgroupLimits(memoryBytes, pidsMax, quota, CPU_PERIOD_MICROS);
    }
}

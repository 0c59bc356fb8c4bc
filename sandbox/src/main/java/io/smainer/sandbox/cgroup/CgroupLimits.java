package io.smainer.sandbox.cgroup;

/**
 * What a task cgroup enforces. {@code cpuQuotaMicros} per {@code cpuPeriodMicros}; a quota of -1 means
 * unlimited CPU (still accounted). Swap is always set equal to the memory limit: no swap for tasks.
 */
public record CgroupLimits(long memoryBytes, long pidsMax, long cpuQuotaMicros, long cpuPeriodMicros) {

    public CgroupLimits {
        if (memoryBytes < 4L << 20) {
            throw new IllegalArgumentException("memory limit " + memoryBytes + " bytes is below 4 MiB");
        }
        if (pidsMax < 1) {
            throw new IllegalArgumentException("pids limit " + pidsMax + " must be >= 1");
        }
        if (cpuPeriodMicros < 1000 || cpuPeriodMicros > 1_000_000) {
            throw new IllegalArgumentException("cpu period " + cpuPeriodMicros + " us must be 1000..1000000");
        }
        if (cpuQuotaMicros != -1 && cpuQuotaMicros < 1000) {
            throw new IllegalArgumentException("cpu quota " + cpuQuotaMicros + " us must be -1 or >= 1000");
        }
    }
}

package io.smainer.sandbox.cgroup;

/**
 * Counters read from a task cgroup after the task: -1 where the kernel does not offer the file.
 * {@code oomKills} and {@code pidsLimitHits} are the kernel's event counters, not guesses from exit codes.
 */
public record CgroupUsage(long peakMemoryBytes, long cpuMicros, long oomKills, long pidsLimitHits) {
}

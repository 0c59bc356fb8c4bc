package io.smainer.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a task used, from the kernel's counters: wall time, CPU time ({@code cpuacct.usage} /
 * {@code cpu.stat usage_usec}) and peak memory ({@code memory.max_usage_in_bytes} / {@code memory.peak});
 * -1 where the kernel does not offer the counter. {@code spawnMicros}: accepted → task's execve.
 */
public record ResourceReport(long wallMillis, long cpuMillis, long peakMemoryBytes, long spawnMicros) {

    /** The {@code resource_report} object of a CUSTOM result. */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wall_time_ms", wallMillis);
        m.put("cpu_time_ms", cpuMillis);
        m.put("peak_memory_bytes", peakMemoryBytes);
        return m;
    }
}

package io.smainer.daemon.hardware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Host CPU and memory usage in percent for heartbeats: CPU from the delta of {@code /proc/stat}'s
 * first line between two calls, memory as {@code 1 − MemAvailable/MemTotal}.
 */
public final class SystemLoad {
    private final Path procStat;
    private final Path meminfo;
    private long lastIdle = -1;
    private long lastTotal = -1;

    public SystemLoad(HostPaths paths) {
        this.procStat = paths.procStat();
        this.meminfo = paths.meminfo();
    }

    /** CPU usage since the previous call (0 on the first call or when unreadable). */
    public synchronized double cpuUsagePercent() {
        try {
            String first = Files.readAllLines(procStat).get(0);
            String[] f = first.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            double usage = 0;
            if (lastTotal >= 0 && total > lastTotal) {
                usage = 100.0 * (1.0 - (double) (idle - lastIdle) / (total - lastTotal));
            }
            lastIdle = idle;
            lastTotal = total;
            return clamp(usage);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    public double memoryUsagePercent() {
        Map<String, Long> m = ProcMeminfo.read(meminfo);
        long total = m.getOrDefault("MemTotal", 0L);
        long available = m.getOrDefault("MemAvailable", total);
        return total == 0 ? 0 : clamp(100.0 * (total - available) / total);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(100, Math.round(v * 10) / 10.0));
    }
}

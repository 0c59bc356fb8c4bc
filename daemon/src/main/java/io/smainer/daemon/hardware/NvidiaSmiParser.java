package io.smainer.daemon.hardware;

import io.smainer.protocol.wire.GpuDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader}, e.g.
 * {@code NVIDIA H100 80GB HBM3, 81559 MiB, 550.54.15}. Lines it cannot read are skipped.
 */
public final class NvidiaSmiParser {
    private NvidiaSmiParser() {}

    public static List<GpuDevice> parse(String output) {
        List<GpuDevice> gpus = new ArrayList<>();
        for (String line : output.split("\\R")) {
            String[] parts = line.split(",");
            if (parts.length < 3) {
                continue;
            }
            String name = parts[0].trim();
            Double gb = memoryGb(parts[1].trim());
            if (name.isEmpty() || gb == null) {
                continue;
            }
            gpus.add(new GpuDevice(name, gb, parts[2].trim(), "nvidia"));
        }
        return gpus;
    }

    private static Double memoryGb(String text) {
        String[] p = text.split("\\s+");
        try {
            double v = Double.parseDouble(p[0]);
            String unit = p.length > 1 ? p[1].toLowerCase(Locale.ROOT) : "mib";
            double gb = switch (unit) {
                case "gib", "gb" -> v;
                case "kib", "kb" -> v / (1024.0 * 1024.0);
                default -> v / 1024.0;
            };
            return Math.round(gb * 100) / 100.0;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package io.smainer.daemon.hardware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code /proc/meminfo} as a map of kB values ({@code MemTotal}, {@code MemAvailable}, …); empty on error. */
final class ProcMeminfo {
    private ProcMeminfo() {}

    static Map<String, Long> read(Path file) {
        Map<String, Long> m = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String[] v = line.substring(colon + 1).trim().split("\\s+");
                try {
                    m.put(line.substring(0, colon).trim(), Long.parseLong(v[0]));
                } catch (NumberFormatException ignored) {
                    // a line that is not "Key: N kB" carries nothing we use
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return m;
    }
}

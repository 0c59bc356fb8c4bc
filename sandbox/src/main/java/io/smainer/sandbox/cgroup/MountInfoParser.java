package io.smainer.sandbox.cgroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code /proc/<pid>/mountinfo} (proc(5)): fields 5 (mount point) and, after the {@code -}
 * separator, filesystem type and super options. Octal escapes ({@code \040}) in paths are decoded.
 */
public final class MountInfoParser {

    private MountInfoParser() {
    }

    public static List<MountEntry> parse(String text) {
        List<MountEntry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(" ");
            int separator = -1;
            for (int i = 6; i < fields.length; i++) {
                if (fields[i].equals("-")) {
                    separator = i;
                    break;
                }
            }
            if (fields.length < 7 || separator < 0 || separator + 3 > fields.length) {
                throw new IllegalArgumentException("mountinfo line has no '-' separator: " + line);
            }
            Path mountPoint = Path.of(unescape(fields[4]));
            String fsType = fields[separator + 1];
            Set<String> options = Set.of(fields[separator + 3].split(","));
            entries.add(new MountEntry(mountPoint, fsType, options));
        }
        return entries;
    }

    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length()
                    && field.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '7')) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

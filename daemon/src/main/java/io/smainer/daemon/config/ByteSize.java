package io.smainer.daemon.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as operators write them: {@code 512}, {@code 512MB}, {@code 512 MiB}, {@code 1g}, {@code 1.5GB},
 * {@code 65536B}. Units are binary (k = 1024, M = 1024², G = 1024³, T = 1024⁴) whether or not an {@code i}
 * is written: PROTOCOL.md §5's {@code DEFAULT_MEMORY_LIMIT} "512 MB" is 512 × 1024² bytes in production.
 * A bare number is in the unit the setting names ({@code bareUnit}).
 */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b)?");

    private ByteSize() {
    }

    /** Bytes; the IllegalArgumentException's text (no key, no value) says which forms are accepted. */
    public static long parse(String text, long bareUnit) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("is not a size: use e.g. 512MB, 1GiB, 64k or a plain number");
        }
        long unit = switch (m.group(2)) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            case "t" -> 1L << 40;
            default -> m.group(3) == null ? bareUnit : 1;
        };
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("is too large");
        }
        return bytes.longValue();
    }

    /** The shortest exact form: {@code 512MiB}, {@code 1GiB}, {@code 65537B}. */
    public static String format(long bytes) {
        String[] units = {"TiB", "GiB", "MiB", "KiB"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << shifts[i];
            if (bytes >= unit && bytes % unit == 0) {
                return (bytes / unit) + units[i];
            }
        }
        return bytes + "B";
    }
}

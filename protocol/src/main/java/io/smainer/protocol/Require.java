package io.smainer.protocol;

import java.util.regex.Pattern;

/** Field rules shared by the records' compact constructors; each names the wire field it checks. */
public final class Require {
    private Require() {}

    /** {@code node_id} (PROTOCOL.md §2). */
    public static final Pattern NODE_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    /** A Starknet address or key as hex: {@code affiliate_address}, {@code starknet_address}. */
    public static final Pattern HEX_FELT = Pattern.compile("^0x[0-9a-fA-F]{1,64}$");

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw FieldViolation.missing(field);
        }
        return value;
    }

    /** Non-blank text of at most {@code max} characters. */
    public static String text(String field, String value, int max) {
        present(field, value);
        if (value.isBlank()) {
            throw FieldViolation.invalid(field, "must not be blank");
        }
        return optionalText(field, value, max);
    }

    /** Null, or text of at most {@code max} characters. */
    public static String optionalText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw FieldViolation.invalid(field, "is " + value.length() + " characters; at most " + max + " allowed");
        }
        return value;
    }

    public static String matching(String field, String value, Pattern pattern) {
        present(field, value);
        if (!pattern.matcher(value).matches()) {
            throw FieldViolation.invalid(field, "'" + Limits.clip(value, 80) + "' does not match " + pattern.pattern());
        }
        return value;
    }

    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw FieldViolation.invalid(field, value + " is outside [" + min + ", " + max + "]");
        }
        return value;
    }

    public static double range(String field, double value, double min, double max) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw FieldViolation.invalid(field, value + " is outside [" + min + ", " + max + "]");
        }
        return value;
    }

    /** Null, or within the range. */
    public static Integer optionalRange(String field, Integer value, int min, int max) {
        if (value != null) {
            range(field, value, min, max);
        }
        return value;
    }

    /** Null, or within the range. */
    public static Double optionalRange(String field, Double value, double min, double max) {
        if (value != null) {
            range(field, value, min, max);
        }
        return value;
    }

    /** Null, or within the range. */
    public static Long optionalRange(String field, Long value, long min, long max) {
        if (value != null) {
            range(field, value, min, max);
        }
        return value;
    }
}

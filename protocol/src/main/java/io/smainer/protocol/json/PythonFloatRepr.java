package io.smainer.protocol.json;

/**
 * CPython's {@code repr(float)} (float_repr_style {@code 'short'}), which {@code json.dumps} uses for
 * every float: the shortest digits that read back as the same double, written in positional notation
 * when the decimal point falls within {@code -4 < decpt <= 16} and in exponent notation otherwise
 * (mirrors {@code format_float_short} in CPython's {@code Python/pystrtod.c}). Examples: {@code 2.5},
 * {@code 0.0001}, {@code 1e-05}, {@code 1e+16}, {@code 1000000000000000.0}, {@code -0.0},
 * {@code 5e-324}.
 */
public final class PythonFloatRepr {
    /** Python switches to exponent notation when the decimal point lies further right than this. */
    private static final int MAX_POSITIONAL_DECPT = 16;
    /** … or at this position or further left. */
    private static final int MIN_POSITIONAL_DECPT = -3;

    private PythonFloatRepr() {}

    /**
     * @throws IllegalArgumentException for NaN and ±Infinity, which JSON cannot carry
     */
    public static String repr(double value) {
        StringBuilder out = new StringBuilder(24);
        append(out, value);
        return out.toString();
    }

    /** Appends {@code repr(value)}; the caller has rejected NaN and infinities. */
    static void append(StringBuilder out, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("NaN and Infinity have no JSON representation");
        }
        double magnitude = value;
        if (Double.doubleToRawLongBits(value) < 0) {
            out.append('-');
            magnitude = -value;
        }
        if (magnitude == 0) {
            out.append("0.0");
            return;
        }
        ShortestDecimal decimal = ShortestDecimal.of(magnitude);
        appendDigits(out, Long.toString(decimal.significand()), decimal.exponent());
    }

    /** Lays out {@code 0.digits × 10^decpt} the way {@code format_float_short(x, 'r', 0, ADD_DOT_0)} does. */
    private static void appendDigits(StringBuilder out, String digits, int exponent) {
        int n = digits.length();
        int decpt = n + exponent;
        if (decpt < MIN_POSITIONAL_DECPT || decpt > MAX_POSITIONAL_DECPT) {
            out.append(digits.charAt(0));
            if (n > 1) {
                out.append('.').append(digits, 1, n);
            }
            int e = decpt - 1;
            out.append('e').append(e < 0 ? '-' : '+');
            int abs = Math.abs(e);
            if (abs < 10) {
                out.append('0');
            }
            out.append(abs);
        } else if (decpt <= 0) {
            out.append("0.");
            appendZeros(out, -decpt);
            out.append(digits);
        } else if (decpt < n) {
            out.append(digits, 0, decpt).append('.').append(digits, decpt, n);
        } else {
            out.append(digits);
            appendZeros(out, decpt - n);
            out.append(".0");
        }
    }

    private static void appendZeros(StringBuilder out, int count) {
        for (int i = 0; i < count; i++) {
            out.append('0');
        }
    }
}

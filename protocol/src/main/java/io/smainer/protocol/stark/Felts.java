package io.smainer.protocol.stark;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** Field elements of the Stark prime field: parsing, printing and SHA-256 reduction. */
public final class Felts {
    /** P = 2^251 + 17·2^192 + 1 (PROTOCOL.md §2). */
    public static final BigInteger FIELD_PRIME =
            BigInteger.ONE.shiftLeft(251).add(BigInteger.valueOf(17).shiftLeft(192)).add(BigInteger.ONE);

    private Felts() {}

    /** True when {@code 0 ≤ v < P}. */
    public static boolean isFelt(BigInteger v) {
        return v != null && v.signum() >= 0 && v.compareTo(FIELD_PRIME) < 0;
    }

    /** {@code int(SHA-256(bytes)) mod P}. */
    public static BigInteger sha256ModP(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new BigInteger(1, digest).mod(FIELD_PRIME);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** {@code int(SHA-256(utf8(text))) mod P}. */
    public static BigInteger sha256ModP(String text) {
        return sha256ModP(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code 0x}-prefixed lowercase hex without leading zeros ({@code 0x0} for zero). */
    public static String toHex(BigInteger v) {
        return "0x" + v.toString(16);
    }

    /**
     * Parses {@code 0x…} hex or a decimal string into a non-negative integer.
     *
     * @throws IllegalArgumentException naming {@code what} and the bad value
     */
    public static BigInteger parse(String what, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is empty: expected 0x-prefixed hex or a decimal integer");
        }
        String t = text.trim();
        try {
            BigInteger v = t.toLowerCase(Locale.ROOT).startsWith("0x")
                    ? new BigInteger(t.substring(2), 16)
                    : new BigInteger(t, 10);
            if (v.signum() < 0) {
                throw new IllegalArgumentException(what + " must not be negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + KeyRedaction.redact(t)
                    + "' is not 0x-prefixed hex or a decimal integer");
        }
    }
}

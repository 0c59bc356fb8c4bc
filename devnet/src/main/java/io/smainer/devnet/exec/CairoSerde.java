package io.smainer.devnet.exec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Cairo serde of the values the native contracts exchange: {@code u256 = [low, high]}, {@code bool}
 * as 0/1, short strings as big-endian ASCII felts (at most 31 characters).
 */
public final class CairoSerde {
    public static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);
    public static final BigInteger U128_MASK = TWO_128.subtract(BigInteger.ONE);
    public static final BigInteger U256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    public static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private CairoSerde() {}

    /** {@code [low, high]} of a u256. */
    public static List<BigInteger> u256(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(U256_MAX) > 0) {
            throw new IllegalArgumentException("u256 out of range: " + value);
        }
        return List.of(value.and(U128_MASK), value.shiftRight(128));
    }

    public static BigInteger bool(boolean value) {
        return value ? BigInteger.ONE : BigInteger.ZERO;
    }

    /** Encodes a Cairo short string ({@code 'caller is not the relayer'}) as its felt. */
    public static BigInteger shortString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > 31) {
            throw new IllegalArgumentException("a Cairo short string holds at most 31 characters, '" + text
                    + "' has " + bytes.length);
        }
        return bytes.length == 0 ? BigInteger.ZERO : new BigInteger(1, bytes);
    }

    /** Decodes a short-string felt; felts that are not printable ASCII come back as hex. */
    public static String decodeShortString(BigInteger felt) {
        if (felt.signum() == 0) {
            return "";
        }
        byte[] raw = felt.toByteArray();
        int start = raw[0] == 0 ? 1 : 0;
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < raw.length; i++) {
            int c = raw[i] & 0xff;
            if (c < 0x20 || c > 0x7e) {
                return hex(felt);
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    public static String hex(BigInteger value) {
        return "0x" + value.toString(16);
    }
}

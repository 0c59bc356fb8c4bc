package io.smainer.chain;

import com.swmansion.starknet.data.types.Felt;
import java.math.BigInteger;
import java.util.List;

/** Cairo serde for the escrow's types: u256 is {@code [low128, high128]}, bool is 0/1, the rest one felt. */
public final class CairoSerde {
    private static final BigInteger MASK_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private CairoSerde() {}

    public static Felt felt(BigInteger v) {
        return new Felt(v);
    }

    public static Felt felt(long v) {
        return new Felt(v);
    }

    /** Appends a u256 as two felts. */
    public static void u256(List<Felt> out, BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > 256) {
            throw new IllegalArgumentException("u256 out of range: " + v);
        }
        out.add(new Felt(v.and(MASK_128)));
        out.add(new Felt(v.shiftRight(128)));
    }

    /** Reads values in order from a felt list (a call result, event keys or data). */
    public static final class Reader {
        private final List<Felt> felts;
        private int pos;

        public Reader(List<Felt> felts) {
            this.felts = felts;
        }

        public BigInteger felt() {
            if (pos >= felts.size()) {
                throw new ChainException(ChainException.Kind.BAD_RESPONSE,
                        "expected more values (read " + pos + " of " + felts.size() + ")");
            }
            return felts.get(pos++).getValue();
        }

        public BigInteger u256() {
            BigInteger low = felt();
            BigInteger high = felt();
            if (low.bitLength() > 128 || high.bitLength() > 128) {
                throw new ChainException(ChainException.Kind.BAD_RESPONSE, "u256 half above 2^128");
            }
            return high.shiftLeft(128).or(low);
        }

        public long u64() {
            BigInteger v = felt();
            if (v.bitLength() > 64) {
                throw new ChainException(ChainException.Kind.BAD_RESPONSE, "u64 out of range: " + v);
            }
            return v.longValue();
        }

        public int u8() {
            BigInteger v = felt();
            if (v.bitLength() > 8) {
                throw new ChainException(ChainException.Kind.BAD_RESPONSE, "u8 out of range: " + v);
            }
            return v.intValue();
        }

        public boolean bool() {
            return felt().signum() != 0;
        }

        public boolean done() {
            return pos == felts.size();
        }
    }
}

package io.smainer.devnet.exec;

import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;
import java.util.List;

/**
 * Reads an entry point's calldata the way the Cairo ABI wrapper does, parameter by parameter.
 * Missing or out-of-range values panic with {@code 'Failed to deserialize param #N'} and trailing
 * values with {@code 'Input too long for arguments'} — the texts Cairo 2 wrappers use.
 */
public final class CalldataReader {
    private final List<BigInteger> calldata;
    private int offset;
    private int param;

    public CalldataReader(List<BigInteger> calldata) {
        this.calldata = calldata;
    }

    public BigInteger felt() {
        param++;
        return next();
    }

    public BigInteger address() {
        return felt();
    }

    public BigInteger u256() {
        param++;
        BigInteger low = next();
        BigInteger high = next();
        if (low.compareTo(CairoSerde.U128_MASK) > 0 || high.compareTo(CairoSerde.U128_MASK) > 0) {
            throw failed();
        }
        return high.shiftLeft(128).or(low);
    }

    public int u8() {
        return bounded(BigInteger.valueOf(255)).intValueExact();
    }

    public long u64() {
        return bounded(CairoSerde.U64_MAX).longValue();
    }

    public boolean bool() {
        BigInteger v = bounded(BigInteger.ONE);
        return v.signum() != 0;
    }

    /** A {@code Span<felt252>} / {@code Array<felt252>}: length, then the elements. */
    public List<BigInteger> feltArray() {
        param++;
        BigInteger len = next();
        if (len.compareTo(BigInteger.valueOf(calldata.size() - offset)) > 0) {
            throw failed();
        }
        List<BigInteger> out = List.copyOf(calldata.subList(offset, offset + len.intValueExact()));
        offset += out.size();
        return out;
    }

    /** Asserts nothing is left, as the Cairo wrapper does after the last parameter. */
    public void end() {
        if (offset != calldata.size()) {
            throw new ContractRevert("Input too long for arguments");
        }
    }

    private BigInteger bounded(BigInteger max) {
        param++;
        BigInteger v = next();
        if (v.compareTo(max) > 0) {
            throw failed();
        }
        return v;
    }

    private BigInteger next() {
        if (offset >= calldata.size()) {
            throw failed();
        }
        BigInteger v = calldata.get(offset++);
        if (!Felts.isFelt(v)) {
            throw failed();
        }
        return v;
    }

    private ContractRevert failed() {
        return new ContractRevert("Failed to deserialize param #" + param);
    }
}

package io.smainer.protocol.stark;

import java.math.BigInteger;

/** Constants of the Stark curve that the protocol layer needs (the engine has its own). */
public final class StarkCurveOrder {
    /** Order of the Stark curve's generator. */
    public static final BigInteger N =
            new BigInteger("800000000000010ffffffffffffffffb781126dcae7b2321e66a241adc64d2f", 16);
    /** Starknet's bound for hashes and signature parts: values must be below 2^251. */
    public static final BigInteger TWO_POW_251 = BigInteger.ONE.shiftLeft(251);

    private StarkCurveOrder() {}
}

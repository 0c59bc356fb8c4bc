package io.smainer.protocol.stark;

import com.swmansion.starknet.crypto.StarknetCurve;
import com.swmansion.starknet.crypto.StarknetCurveSignature;
import com.swmansion.starknet.data.types.Felt;
import java.math.BigInteger;

/**
 * {@link StarkCrypto} over starknet-jvm's native {@code StarknetCurve}. Correct but slow here
 * (sign ≈ 87 ms); it is the reference the faster engine is checked against.
 */
public final class StarknetJvmCrypto implements StarkCrypto {

    @Override
    public BigInteger publicKey(BigInteger privateKey) {
        return StarknetCurve.getPublicKey(new Felt(privateKey)).getValue();
    }

    @Override
    public StarkSignature sign(BigInteger privateKey, BigInteger hash) {
        StarknetCurveSignature sig = StarknetCurve.sign(new Felt(privateKey), new Felt(hash));
        return new StarkSignature(sig.getR().getValue(), sig.getS().getValue());
    }

    @Override
    public boolean verify(BigInteger publicKey, BigInteger hash, BigInteger r, BigInteger s) {
        if (!Felts.isFelt(publicKey) || !Felts.isFelt(hash) || !Felts.isFelt(r) || !Felts.isFelt(s)) {
            return false;
        }
        // Starknet's range for s is [1, N) (cairo-lang's verify asserts it). starknet-jvm computes
        // s⁻¹ mod N before anything else, which throws ArithmeticException for s = 0 or N and
        // silently reduces any other s ≥ N; the interface promises false instead.
        if (s.signum() == 0 || s.compareTo(StarknetCurve.CURVE_ORDER) >= 0) {
            return false;
        }
        return StarknetCurve.verify(new Felt(publicKey), new Felt(hash), new Felt(r), new Felt(s));
    }

    @Override
    public BigInteger pedersen(BigInteger a, BigInteger b) {
        return StarknetCurve.pedersen(new Felt(a), new Felt(b)).getValue();
    }
}

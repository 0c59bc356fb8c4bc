package io.smainer.protocol.stark;

import java.math.BigInteger;

/** A {@link StarkVerifyingKey} without precomputation: every check is a plain {@link StarkCrypto#verify}. */
record DirectVerifyingKey(StarkCrypto crypto, BigInteger publicKey) implements StarkVerifyingKey {
    @Override
    public boolean verify(BigInteger hash, BigInteger r, BigInteger s) {
        return crypto.verify(publicKey, hash, r, s);
    }
}

package io.smainer.protocol.stark;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A Stark private key held in memory. It is never printed ({@link #toString()} shows only the
 * public key's redacted form) and only leaves this object to sign. {@link #destroy()} overwrites
 * the copy this object holds; the JVM may still have other copies (see docs/security.md).
 */
public final class StarkPrivateKey {
    private final byte[] secret;
    private final BigInteger publicKey;

    private StarkPrivateKey(byte[] secret, BigInteger publicKey) {
        this.secret = secret;
        this.publicKey = publicKey;
    }

    /** Validates the key (1 ≤ k < curve order) and derives its public key. */
    public static StarkPrivateKey of(BigInteger value, StarkCrypto crypto) {
        if (value == null || value.signum() <= 0 || value.compareTo(StarkCurveOrder.N) >= 0) {
            throw new IllegalArgumentException("a Stark private key must be in [1, curve order)");
        }
        return new StarkPrivateKey(value.toByteArray(), crypto.publicKey(value));
    }

    public BigInteger publicKey() {
        return publicKey;
    }

    public StarkSignature sign(StarkCrypto crypto, BigInteger hash) {
        return crypto.sign(value(), hash);
    }

    /** The raw key, for the keystore writer and starknet-jvm's signer only. */
    public BigInteger value() {
        if (secret.length == 0) {
            throw new IllegalStateException("this private key was destroyed");
        }
        return new BigInteger(secret);
    }

    public void destroy() {
        Arrays.fill(secret, (byte) 0);
    }

    @Override
    public String toString() {
        return "StarkPrivateKey[publicKey=" + KeyRedaction.redact(Felts.toHex(publicKey)) + "]";
    }
}

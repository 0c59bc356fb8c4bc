package io.smainer.protocol.stark.curve;

import com.swmansion.starknet.data.TypedData;
import com.swmansion.starknet.data.types.Felt;
import com.swmansion.starknet.data.types.Transaction;
import com.swmansion.starknet.signer.Signer;
import io.smainer.protocol.stark.KeyRedaction;
import io.smainer.protocol.stark.StarkPrivateKey;
import io.smainer.protocol.stark.StarkSignature;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A starknet-jvm {@link Signer} on our engine, for {@code StandardAccount}: it signs exactly what
 * starknet-jvm's {@code StarkCurveSigner} signs (the transaction hash, or the SNIP-12 message hash
 * for the account) and produces the same {@code [r, s]}, in well under a millisecond instead of
 * ≈ 87 ms.
 */
public final class FastStarkSigner implements Signer {
    private final StarkPrivateKey key;
    private final FastStarkCrypto crypto;
    private final Felt publicKey;

    /** Signs with {@code key}; the key object stays owned by the caller (who may destroy it). */
    public FastStarkSigner(StarkPrivateKey key, FastStarkCrypto crypto) {
        this.key = Objects.requireNonNull(key, "key");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.publicKey = new Felt(key.publicKey());
    }

    @Override
    public List<Felt> signTransaction(Transaction transaction) {
        Felt hash = transaction.getHash();
        if (hash == null) {
            throw new IllegalArgumentException("Invalid transaction: hash is missing.");
        }
        return sign(hash.getValue());
    }

    @Override
    public List<Felt> signTypedData(TypedData typedData, Felt accountAddress) {
        return sign(typedData.getMessageHash(accountAddress).getValue());
    }

    @Override
    public Felt getPublicKey() {
        return publicKey;
    }

    private List<Felt> sign(BigInteger hash) {
        StarkSignature sig = key.sign(crypto, hash);
        return List.of(new Felt(sig.r()), new Felt(sig.s()));
    }

    @Override
    public String toString() {
        return "FastStarkSigner[publicKey=" + KeyRedaction.redact(publicKey.hexString()) + "]";
    }
}

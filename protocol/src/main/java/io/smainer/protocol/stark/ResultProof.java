package io.smainer.protocol.stark;

import java.math.BigInteger;

/**
 * The result "proof" (PROTOCOL.md §2): {@code message_hash = pedersen(pedersen(task_id_felt,
 * provider_account_address), result_hash)} signed with the provider's key. Must match
 * {@code submit_proof_and_claim} in contracts/src/escrow.cairo.
 */
public final class ResultProof {
    private final StarkCrypto crypto;

    public ResultProof(StarkCrypto crypto) {
        this.crypto = crypto;
    }

    /** {@code on_chain_task_id} when the task has one, else {@code sha256(utf8(task_id)) mod P}. */
    public static BigInteger taskIdFelt(String taskId, BigInteger onChainTaskId) {
        if (onChainTaskId != null) {
            if (!Felts.isFelt(onChainTaskId)) {
                throw new IllegalArgumentException("on_chain_task_id " + onChainTaskId + " is not a field element");
            }
            return onChainTaskId;
        }
        return Felts.sha256ModP(taskId);
    }

    public BigInteger messageHash(BigInteger taskIdFelt, BigInteger providerAddress, BigInteger resultHash) {
        return crypto.pedersen(crypto.pedersen(taskIdFelt, providerAddress), resultHash);
    }

    public StarkSignature sign(StarkPrivateKey key, BigInteger taskIdFelt, BigInteger providerAddress, BigInteger resultHash) {
        return key.sign(crypto, messageHash(taskIdFelt, providerAddress, resultHash));
    }

    public boolean verify(BigInteger publicKey, BigInteger taskIdFelt, BigInteger providerAddress,
                          BigInteger resultHash, StarkSignature sig) {
        return crypto.verify(publicKey, messageHash(taskIdFelt, providerAddress, resultHash), sig.r(), sig.s());
    }

    /** {@link #verify(BigInteger, BigInteger, BigInteger, BigInteger, StarkSignature)} with a prepared key. */
    public boolean verify(StarkVerifyingKey key, BigInteger taskIdFelt, BigInteger providerAddress,
                          BigInteger resultHash, StarkSignature sig) {
        return key.verify(messageHash(taskIdFelt, providerAddress, resultHash), sig.r(), sig.s());
    }

    /** The engine's prepared form of a provider key, for {@link #verify(StarkVerifyingKey, BigInteger, BigInteger, BigInteger, StarkSignature)}. */
    public StarkVerifyingKey verifyingKey(BigInteger publicKey) {
        return crypto.verifyingKey(publicKey);
    }
}

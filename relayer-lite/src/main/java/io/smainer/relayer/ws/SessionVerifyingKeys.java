package io.smainer.relayer.ws;

import io.smainer.protocol.stark.ResultProof;
import io.smainer.protocol.stark.StarkSignature;
import io.smainer.protocol.stark.StarkVerifyingKey;
import java.math.BigInteger;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Result-signature checks with each session's prepared key ({@link ResultProof#verifyingKey}). A node's
 * key is fixed for its session, so the key is prepared on the session's first result and dropped when
 * it disconnects; with the fast engine that is a 32 KiB table that makes every later check about three
 * times cheaper (docs/performance.md, "relayer-lite"). Idle sessions hold nothing. Bounded: at most
 * {@code maxKeys} sessions hold a prepared key at once; results of the others are checked with the plain
 * key, which gives the same verdicts. Thread-safe.
 */
final class SessionVerifyingKeys {
    /** 2,048 × 32 KiB = 64 MiB at most. */
    static final int DEFAULT_MAX_KEYS = 2048;

    private final ResultProof proof;
    private final int maxKeys;
    private final ConcurrentHashMap<ChannelNodeSession, StarkVerifyingKey> keys = new ConcurrentHashMap<>();

    SessionVerifyingKeys(ResultProof proof, int maxKeys) {
        this.proof = proof;
        this.maxKeys = maxKeys;
    }

    /** The result proof check of {@link ResultProof#verify}, with the session's prepared key when it has one. */
    boolean verify(ChannelNodeSession session, BigInteger publicKey, BigInteger taskIdFelt, BigInteger address,
                   BigInteger resultHash, StarkSignature sig) {
        StarkVerifyingKey key = keyOf(session, publicKey);
        return key != null ? proof.verify(key, taskIdFelt, address, resultHash, sig)
                : proof.verify(publicKey, taskIdFelt, address, resultHash, sig);
    }

    /** Forgets the session's key; called when its connection closed. */
    void release(ChannelNodeSession session) {
        keys.remove(session);
    }

    /** Sessions holding a prepared key (for tests). */
    int size() {
        return keys.size();
    }

    private StarkVerifyingKey keyOf(ChannelNodeSession session, BigInteger publicKey) {
        StarkVerifyingKey key = keys.get(session);
        if (key != null && key.publicKey().equals(publicKey)) {
            return key;
        }
        if (keys.size() >= maxKeys) {
            return null;
        }
        // Built outside the map's locks; two concurrent first results of one session may both build, one wins.
        StarkVerifyingKey built = proof.verifyingKey(publicKey);
        key = keys.merge(session, built, (old, fresh) -> old.publicKey().equals(publicKey) ? old : fresh);
        if (!session.isOpen()) {
            keys.remove(session); // closed meanwhile: release() may already have run
        }
        return key;
    }
}

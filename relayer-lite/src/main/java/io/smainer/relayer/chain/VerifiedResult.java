package io.smainer.relayer.chain;

import io.smainer.protocol.stark.StarkSignature;
import java.math.BigInteger;

/** A result whose hash and signature the relayer checked: what {@code submit_proof_and_claim} needs. */
public record VerifiedResult(
        String taskId,
        BigInteger onChainTaskId,
        String nodeId,
        BigInteger providerAddress,
        BigInteger resultHash,
        StarkSignature signature) {}

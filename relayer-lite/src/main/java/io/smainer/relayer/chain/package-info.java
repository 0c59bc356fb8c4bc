/**
 * Seams where on-chain settlement (issue 7) plugs in: {@link io.smainer.relayer.chain.PaymentVerifier}
 * checks an escrow before a submission is accepted, {@link io.smainer.relayer.chain.SettlementSink}
 * receives every verified result for {@code submit_proof_and_claim}. Until the chain module lands the
 * relayer runs with {@link io.smainer.relayer.chain.PaymentVerifier#NOT_REQUIRED} and
 * {@link io.smainer.relayer.chain.SettlementSink#NONE}.
 */
package io.smainer.relayer.chain;

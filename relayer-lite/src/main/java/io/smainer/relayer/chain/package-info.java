/**
 * Starknet in relayer-lite: the connection ({@link io.smainer.relayer.chain.ChainGateway}, to the embedded
 * devnet served at {@code /rpc} or to a real network), escrow checks before a submission is accepted
 * ({@link io.smainer.relayer.chain.EscrowPaymentVerifier}), the on-chain node key rule
 * ({@link io.smainer.relayer.chain.OnChainNodeKeyPolicy}) and settlement of escrow-backed tasks
 * ({@link io.smainer.relayer.chain.EscrowSettler}: {@code assign_task} then {@code submit_proof_and_claim}).
 */
package io.smainer.relayer.chain;

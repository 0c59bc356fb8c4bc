/**
 * Starknet settlement from the Java side: {@link io.smainer.chain.EscrowClient} calls the Cairo escrow
 * (contracts/src/escrow.cairo) through starknet-jvm, and {@link io.smainer.chain.PaymentAudit} rebuilds
 * every STRK movement of a task from events alone ("payment truth", PROTOCOL.md §4).
 */
package io.smainer.chain;

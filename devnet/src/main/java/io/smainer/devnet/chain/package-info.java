/**
 * Blocks, receipts, the sequencer (validate, execute, charge, mine), the fee model, event queries and persistence
 * (a snapshot plus an append-only journal of blocks and state changes).
 */
package io.smainer.devnet.chain;

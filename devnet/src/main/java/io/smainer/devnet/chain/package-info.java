/**
 * Blocks, receipts, the sequencer (validate, execute, charge, mine), the fee model, event queries and snapshot persistence.
 */
package io.smainer.devnet.chain;

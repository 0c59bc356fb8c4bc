/**
 * Committed world state (classes, storage slots, nonces) and the per-transaction overlay that makes a transaction all-or-nothing.
 */
package io.smainer.devnet.state;

/**
 * Stark-curve pieces of the protocol: field elements, keys, node authentication, the result proof,
 * the fee split and node-id derivation. {@link io.smainer.protocol.stark.StarkCrypto} is the curve
 * engine behind them.
 */
package io.smainer.protocol.stark;

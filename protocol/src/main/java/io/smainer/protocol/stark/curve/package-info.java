/**
 * A pure-Java engine for the Stark curve (PROTOCOL.md §2): Montgomery arithmetic modulo
 * P = 2^251 + 17·2^192 + 1 on 64-bit limbs, Jacobian point formulas, fixed-base tables for the
 * generator and the Pedersen points, wNAF for the variable base, and Starknet's ECDSA and Pedersen
 * hash on top. {@link io.smainer.protocol.stark.curve.FastStarkCrypto} is the entry point; it is
 * checked bit for bit against starknet-jvm. Not constant-time: see docs/security.md.
 */
package io.smainer.protocol.stark.curve;

/**
 * Native Java contracts: the STRK ERC-20, the OZ-style account and the escrow that mirrors contracts/src/escrow.cairo.
 */
package io.smainer.devnet.contracts;

/**
 * Starknet JSON-RPC 0.10 wire shapes: params, block ids, broadcast transactions, result objects and error codes.
 */
package io.smainer.devnet.rpc;

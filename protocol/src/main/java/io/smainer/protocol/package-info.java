/**
 * The Smainer wire contract (PROTOCOL.md): REST bodies, WebSocket messages, canonical JSON, signed
 * callbacks and Stark-curve proofs. Pure data and functions; no sockets, no files, no application logic.
 */
package io.smainer.protocol;

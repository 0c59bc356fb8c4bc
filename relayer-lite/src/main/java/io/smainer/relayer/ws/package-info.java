/**
 * Provider WebSocket sessions (PROTOCOL.md §2) on the relayer's HTTP port: {@code /ws/{node_id}} and
 * {@code /ws/node/{node_id}}, node authentication with a pluggable {@link io.smainer.relayer.ws.NodeKeyPolicy},
 * frame dispatch, result verification (hash and Stark signature, off the I/O threads) and result acks.
 */
package io.smainer.relayer.ws;

/**
 * The WebSocket connection to the relayer (PROTOCOL.md §2): one pipeline built by
 * {@link io.smainer.daemon.relay.RelayChannelInitializer}, registration, heartbeats, dead-connection
 * detection and reconnect-forever with full-jitter backoff.
 */
package io.smainer.daemon.relay;

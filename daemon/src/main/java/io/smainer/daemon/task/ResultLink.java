package io.smainer.daemon.task;

import io.smainer.protocol.wire.WsMessage;

/** Where results go: the relay connection, when one is registered. Implemented by the relay layer. */
public interface ResultLink {

    /** Sends a durable outbox entry if a registered connection exists; a later reconnect resends it otherwise. */
    void send(OutboxEntry entry);

    /** Sends a frame that needs no durability (heartbeat-like, best effort); false when not connected. */
    boolean sendNow(WsMessage message);

    /** Whether the registered relayer listed {@code feature} (e.g. {@code stream}) in its registration ack. */
    boolean supports(String feature);

    /** Whether the registered relayer acks results ({@code result_ack} in its features). */
    boolean relayerAcksResults();
}

package io.smainer.protocol.wire;

/** {@code pong}: echoes the ping's {@code timestamp} as {@code ping_timestamp}. */
public record Pong(String eventId, String timestamp, String pingTimestamp) implements WsMessage {
    public Pong {
        Frames.envelope(eventId, timestamp);
    }
}

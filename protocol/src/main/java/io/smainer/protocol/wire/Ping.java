package io.smainer.protocol.wire;

/** Application-level {@code ping}, either direction. */
public record Ping(String eventId, String timestamp) implements WsMessage {
    public Ping {
        Frames.envelope(eventId, timestamp);
    }
}

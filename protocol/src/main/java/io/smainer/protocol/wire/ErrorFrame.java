package io.smainer.protocol.wire;

import io.smainer.protocol.Limits;
import io.smainer.protocol.Require;

/** {@code error} R→P: the frame was not accepted; the connection stays open. */
public record ErrorFrame(String eventId, String timestamp, String errorCode, String errorMessage) implements WsMessage {
    public ErrorFrame {
        Frames.envelope(eventId, timestamp);
        Require.text("error_code", errorCode, Limits.MAX_ID_CHARS);
        errorMessage = errorMessage == null ? "" : Limits.clip(errorMessage, Limits.MAX_TEXT_CHARS);
    }
}

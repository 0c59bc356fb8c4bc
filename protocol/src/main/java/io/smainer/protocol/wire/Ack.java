package io.smainer.protocol.wire;

import io.smainer.protocol.Limits;
import io.smainer.protocol.Require;
import java.util.List;

/** {@code ack} R→P: answers the frame {@code ack_event_id}; {@code features} (ours) e.g. {@code stream}. */
public record Ack(String eventId, String timestamp, String ackEventId, boolean success, String message, List<String> features)
        implements WsMessage {

    public static final String FEATURE_STREAM = "stream";
    public static final String FEATURE_TASK_CANCEL = "task_cancel";
    /** Ours: the relayer acks {@code task_completed}/{@code task_failed} so the daemon's outbox can let go. */
    public static final String FEATURE_RESULT_ACK = "result_ack";

    public Ack {
        Frames.envelope(eventId, timestamp);
        Require.text("ack_event_id", ackEventId, Limits.MAX_ID_CHARS);
        Require.optionalText("message", message, Limits.MAX_TEXT_CHARS);
        features = List.copyOf(features == null ? List.of() : features);
    }

    public boolean hasFeature(String feature) {
        return features.contains(feature);
    }
}

package io.smainer.protocol.wire;

/** One WebSocket frame. The permitted records are exactly the {@code event_type}s of PROTOCOL.md §2. */
public sealed interface WsMessage
        permits NodeRegister, Ack, NodeHeartbeat, TaskAssigned, TaskCompleted, TaskFailed, TaskStreamChunk,
                TaskCancel, Ping, Pong, ErrorFrame {

    /** uuid4 of this frame. */
    String eventId();

    /** ISO-8601 UTC time the frame was made (for {@code node_register}: the signed timestamp). */
    String timestamp();
}

package io.smainer.protocol.wire;

import java.util.Optional;

/** The {@code event_type} discriminator and the record each one maps to (PROTOCOL.md §2). */
public enum EventType {
    NODE_REGISTER("node_register", NodeRegister.class),
    ACK("ack", Ack.class),
    NODE_HEARTBEAT("node_heartbeat", NodeHeartbeat.class),
    TASK_ASSIGNED("task_assigned", TaskAssigned.class),
    TASK_COMPLETED("task_completed", TaskCompleted.class),
    TASK_FAILED("task_failed", TaskFailed.class),
    TASK_STREAM_CHUNK("task_stream_chunk", TaskStreamChunk.class),
    TASK_CANCEL("task_cancel", TaskCancel.class),
    PING("ping", Ping.class),
    PONG("pong", Pong.class),
    ERROR("error", ErrorFrame.class);

    private final String wireName;
    private final Class<? extends WsMessage> type;

    EventType(String wireName, Class<? extends WsMessage> type) {
        this.wireName = wireName;
        this.type = type;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends WsMessage> type() {
        return type;
    }

    public static Optional<EventType> fromWire(String name) {
        for (EventType t : values()) {
            if (t.wireName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static EventType of(WsMessage message) {
        for (EventType t : values()) {
            if (t.type == message.getClass()) {
                return t;
            }
        }
        throw new IllegalStateException("no event_type for " + message.getClass().getName());
    }
}

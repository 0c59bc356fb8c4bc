package io.smainer.relayer.schedule;

import io.smainer.protocol.wire.WsMessage;

/** One node's connection as the scheduler sees it; implemented over a Netty channel by the ws package. */
public interface NodeSession {

    String nodeId();

    /** Queues a frame; never blocks. Frames to a closed session are dropped. */
    void send(WsMessage message);

    /** Closes with a WebSocket close code and a short reason (no secrets). */
    void close(int code, String reason);
}

package io.smainer.protocol.wire;

import io.smainer.protocol.Limits;
import io.smainer.protocol.Require;

/** {@code task_stream_chunk} P→R (ours, when the ack lists {@code stream}). The chunk is never printed. */
public record TaskStreamChunk(String eventId, String timestamp, String taskId, long seq, String chunk, boolean done)
        implements WsMessage {

    public TaskStreamChunk {
        Frames.envelope(eventId, timestamp);
        Frames.taskId(taskId);
        Require.range("seq", seq, 0, Long.MAX_VALUE);
        chunk = chunk == null ? "" : chunk;
        Require.optionalText("chunk", chunk, Limits.MAX_STREAM_CHUNK_CHARS);
    }

    @Override
    public String toString() {
        return "TaskStreamChunk[taskId=" + taskId + ", seq=" + seq + ", chunk=<" + chunk.length() + " chars>, done=" + done + "]";
    }
}

package io.smainer.protocol.api;

import io.smainer.protocol.Limits;
import io.smainer.protocol.Require;

/** Body posted to the stream URL (PROTOCOL.md §3): {@code {task_id, chunk, done}}. */
public record StreamCallback(String taskId, String chunk, boolean done) {
    public StreamCallback {
        Require.text("task_id", taskId, Limits.MAX_ID_CHARS);
        Require.present("chunk", chunk);
        Require.optionalText("chunk", chunk, Limits.MAX_STREAM_CHUNK_CHARS);
    }

    @Override
    public String toString() {
        return "StreamCallback[taskId=" + taskId + ", chunk=<" + chunk.length() + " chars>, done=" + done + "]";
    }
}

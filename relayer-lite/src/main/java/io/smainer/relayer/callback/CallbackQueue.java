package io.smainer.relayer.callback;

import io.smainer.relayer.store.CallbackEvent;

/** Where the scheduler hands callback events after they are durable in the outbox. */
public interface CallbackQueue {

    /** Delivers {@code body} (canonical JSON) to {@code url} at least once; replaces a queued copy of the same event. */
    void enqueue(CallbackEvent event, String url, byte[] body);

    /** Best-effort, not durable: a stream chunk to the stream URL (PROTOCOL.md §3). */
    void stream(String taskId, String url, byte[] body);
}

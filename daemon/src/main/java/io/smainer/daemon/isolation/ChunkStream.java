package io.smainer.daemon.isolation;

import io.smainer.daemon.task.ResultLink;
import io.smainer.protocol.Limits;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.TaskStreamChunk;
import java.util.function.Consumer;

/**
 * One task's {@code task_stream_chunk}s (PROTOCOL.md §2, ours, only when the ack lists {@code stream}):
 * {@code seq} from 0 without gaps, fragments longer than the chunk limit split, and a final empty chunk
 * with {@code done:true}. Best effort: chunks are not durable; the signed {@code task_completed} that
 * follows carries the whole text. Written from the task thread, so they leave before the result.
 */
final class ChunkStream implements Consumer<String> {
    private final ResultLink link;
    private final String taskId;
    private long seq;
    private long dropped;

    ChunkStream(ResultLink link, String taskId) {
        this.link = link;
        this.taskId = taskId;
    }

    @Override
    public void accept(String fragment) {
        int at = 0;
        while (at < fragment.length()) {
            int end = Math.min(fragment.length(), at + Limits.MAX_STREAM_CHUNK_CHARS);
            if (end < fragment.length() && Character.isHighSurrogate(fragment.charAt(end - 1))) {
                end--; // never split a surrogate pair across two chunks
            }
            send(fragment.substring(at, end), false);
            at = end;
        }
    }

    void finish() {
        send("", true);
    }

    private void send(String chunk, boolean done) {
        if (!link.sendNow(new TaskStreamChunk(Frames.newEventId(), Frames.now(), taskId, seq++, chunk, done))) {
            dropped++;
        }
    }

    long sent() {
        return seq - dropped;
    }

    long dropped() {
        return dropped;
    }
}

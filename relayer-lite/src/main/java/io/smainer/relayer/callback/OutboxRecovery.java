package io.smainer.relayer.callback;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.json.CanonicalJson;
import io.smainer.relayer.store.CallbackEvent;
import io.smainer.relayer.store.TaskRecord;
import io.smainer.relayer.store.TaskStore;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a restart, every open outbox event is queued again with its stored event id and attempt count
 * (so receivers can de-duplicate). Bodies are rebuilt from the task row; an assigned event of a task
 * that is already final is skipped (its final event supersedes it).
 */
public final class OutboxRecovery {
    private static final Logger log = LoggerFactory.getLogger(OutboxRecovery.class);
    private final TaskStore store;
    private final CallbackBodies bodies;
    private final CallbackQueue queue;

    public OutboxRecovery(TaskStore store, CallbackBodies bodies, CallbackQueue queue) {
        this.store = store;
        this.bodies = bodies;
        this.queue = queue;
    }

    public int run() {
        int n = 0;
        for (CallbackEvent e : store.openCallbacks()) {
            Optional<TaskRecord> task = store.find(e.taskId());
            if (task.isEmpty() || task.get().completeCallbackUrl() == null) {
                continue;
            }
            TaskRecord r = task.get();
            JsonNode meta = r.callbackMetaJson() == null ? null : CanonicalJson.parse(r.callbackMetaJson());
            if (e.kind() == CallbackEvent.Kind.ASSIGNED) {
                if (r.status().isFinal()) {
                    continue;
                }
                queue.enqueue(e, r.completeCallbackUrl(), bodies.assigned(r.taskId(), meta, r.onChainTaskId()));
            } else {
                JsonNode result = r.result() == null ? null : CanonicalJson.parse(r.result());
                queue.enqueue(e, r.completeCallbackUrl(), bodies.finalBody(r.taskId(), r.status().wireName(), result,
                        r.errorMessage(), r.executionTime(), meta, r.onChainTaskId()));
            }
            n++;
        }
        if (n > 0) {
            log.info("re-queued {} undelivered callbacks", n);
        }
        return n;
    }
}

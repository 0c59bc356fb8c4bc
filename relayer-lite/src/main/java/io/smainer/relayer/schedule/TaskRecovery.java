package io.smainer.relayer.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.api.TaskRequirements;
import io.smainer.protocol.api.TaskStatus;
import io.smainer.protocol.json.CanonicalJson;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.relayer.store.TaskRecord;
import io.smainer.relayer.store.TaskStore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a restart, every non-final task goes back into the queue in submission order. A task that was
 * assigned when the relayer stopped is pending again; its node, once reconnected, may still deliver
 * the result (the first valid result wins). Runs on the scheduler thread before the port opens.
 */
public final class TaskRecovery {
    private static final Logger log = LoggerFactory.getLogger(TaskRecovery.class);
    private final TaskStore store;
    private final ProtocolJson json;
    private final Scheduler scheduler;

    public TaskRecovery(TaskStore store, ProtocolJson json, Scheduler scheduler) {
        this.store = store;
        this.json = json;
        this.scheduler = scheduler;
    }

    public int run() {
        int n = 0;
        for (TaskRecord r : store.unfinished()) {
            Optional<byte[]> payload = store.payload(r.taskId());
            LiveTask t = new LiveTask(r.taskId(), scheduler.nextOrder(),
                    payload.map(CanonicalJson::parse).orElseGet(() -> json.mapper().createObjectNode()),
                    json.read(r.requirementsJson().getBytes(StandardCharsets.UTF_8), TaskRequirements.class),
                    r.tokenAmount(), r.onChainTaskId(), meta(r), r.completeCallbackUrl(), r.streamCallbackUrl(), r.attempts());
            if (r.onChainTaskId() != null) {
                store.settlement(r.taskId()).ifPresent(s -> t.settledOnChain(s.provider()));
            }
            if (payload.isEmpty()) {
                scheduler.enqueue(t);
                scheduler.finish(t, TaskStatus.FAILED, null, null, null, "payload missing from the store after a restart",
                        null, null);
                continue;
            }
            if (r.status() != TaskStatus.PENDING) {
                store.markRequeued(r.taskId(), "relayer restarted");
            }
            scheduler.enqueue(t);
            n++;
        }
        if (n > 0) {
            log.info("recovered {} unfinished tasks", n);
        }
        return n;
    }

    private static JsonNode meta(TaskRecord r) {
        return r.callbackMetaJson() == null ? null : CanonicalJson.parse(r.callbackMetaJson());
    }
}

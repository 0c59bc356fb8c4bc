package io.smainer.relayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.api.CallbackAttempt;
import io.smainer.protocol.api.CallbackLog;
import io.smainer.protocol.api.CallbackTarget;
import io.smainer.protocol.api.TaskStatus;
import io.smainer.protocol.json.CanonicalJson;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.wire.Frames;
import io.smainer.relayer.callback.CallbackBodies;
import io.smainer.relayer.callback.CallbackQueue;
import io.smainer.relayer.callback.CallbackUrlPolicy;
import io.smainer.relayer.schedule.Scheduler;
import io.smainer.relayer.store.CallbackEvent;
import io.smainer.relayer.store.TaskRecord;
import io.smainer.relayer.store.TaskStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code POST /tasks/{id}/callback} registers or replaces a task's callback target; when the task is
 * already final its final callback is (re)delivered at once with the task's stable event id (202).
 * {@code GET} returns the delivery log.
 */
public final class CallbackRoutes {
    private final ProtocolJson json;
    private final CallbackUrlPolicy urls;
    private final TaskStore store;
    private final CallbackQueue callbacks;
    private final CallbackBodies bodies;
    private final Scheduler scheduler;
    private final Executor loop;
    private final Clock clock;

    public CallbackRoutes(ProtocolJson json, CallbackUrlPolicy urls, TaskStore store, CallbackQueue callbacks,
                          CallbackBodies bodies, Scheduler scheduler, Executor loop, Clock clock) {
        this.json = json;
        this.urls = urls;
        this.store = store;
        this.callbacks = callbacks;
        this.bodies = bodies;
        this.scheduler = scheduler;
        this.loop = loop;
        this.clock = clock;
    }

    public CompletableFuture<ApiResponse> register(String taskId, byte[] body) {
        CallbackTarget target = json.readBody(body, CallbackTarget.class);
        String complete = check(target.completeCallbackUrl(), "complete_callback_url");
        String stream = target.streamCallbackUrl() == null ? null : check(target.streamCallbackUrl(), "stream_callback_url");
        TaskRecord before = find(taskId);
        if (before.status() == TaskStatus.COMPLETED && before.result() == null) {
            throw new ApiException(410, "result_expired", "the result of task " + taskId
                    + " was dropped after its retention time (--result-ttl); it can no longer be delivered");
        }
        return store.setCallbackTarget(taskId, complete, stream, Frames.newEventId(), clock.millis())
                .thenApplyAsync(event -> {
                    scheduler.retarget(taskId, complete, stream);
                    event.ifPresent(e -> callbacks.enqueue(e, complete, finalBody(find(taskId))));
                    return new ApiResponse(202, json.write(log(taskId)));
                }, loop);
    }

    public ApiResponse get(String taskId) {
        find(taskId);
        return new ApiResponse(200, json.write(log(taskId)));
    }

    byte[] finalBody(TaskRecord r) {
        JsonNode meta = r.callbackMetaJson() == null ? null : CanonicalJson.parse(r.callbackMetaJson());
        JsonNode result = r.result() == null ? null : CanonicalJson.parse(r.result());
        return bodies.finalBody(r.taskId(), r.status().wireName(), result, r.errorMessage(), r.executionTime(), meta,
                r.onChainTaskId());
    }

    private CallbackLog log(String taskId) {
        TaskRecord r = find(taskId);
        List<CallbackEvent> events = store.callbacks(taskId);
        Optional<CallbackEvent> shown = events.stream().filter(e -> e.kind() == CallbackEvent.Kind.FINAL).findFirst()
                .or(() -> events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1)));
        List<CallbackAttempt> attempts = store.attempts(taskId).stream().map(a -> new CallbackAttempt(a.eventId(),
                a.kind().wireName(), a.attempt(), TaskRoutes.iso(a.atMillis()), a.httpStatus(), a.error(),
                TaskRoutes.iso(a.nextRetryAtMillis()))).toList();
        return new CallbackLog(taskId, r.completeCallbackUrl(), r.streamCallbackUrl(),
                shown.map(e -> e.state().wireName()).orElse("none"), attempts);
    }

    private TaskRecord find(String taskId) {
        return store.find(taskId).orElseThrow(() -> ApiException.notFound("task " + taskId + " not found"));
    }

    private String check(String url, String field) {
        try {
            return urls.check(url);
        } catch (IllegalArgumentException e) {
            throw ApiErrors.invalid(List.of("body", field), field + " " + e.getMessage());
        }
    }
}

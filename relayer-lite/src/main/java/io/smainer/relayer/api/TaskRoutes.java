package io.smainer.relayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.Limits;
import io.smainer.protocol.ProtocolException;
import io.smainer.protocol.api.Settlement;
import io.smainer.protocol.api.TaskPage;
import io.smainer.protocol.api.TaskStatus;
import io.smainer.protocol.api.TaskSubmission;
import io.smainer.protocol.api.TaskSubmitted;
import io.smainer.protocol.api.TaskView;
import io.smainer.protocol.json.CanonicalJson;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.wire.Frames;
import io.smainer.relayer.callback.CallbackTargets;
import io.smainer.relayer.callback.CallbackUrlPolicy;
import io.smainer.relayer.chain.PaymentVerifier;
import io.smainer.relayer.schedule.LiveTask;
import io.smainer.relayer.schedule.Scheduler;
import io.smainer.relayer.store.NewTask;
import io.smainer.relayer.store.TaskRecord;
import io.smainer.relayer.store.TaskStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code POST /tasks}, {@code GET /tasks/{id}}, {@code GET /tasks}. A submission is answered 201 only
 * after it is durable and queued; its payload is validated (size, callback URLs) and paid for first.
 */
public final class TaskRoutes {
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;

    private final ProtocolJson json;
    private final CallbackUrlPolicy urls;
    private final PaymentVerifier payments;
    private final TaskStore store;
    private final Scheduler scheduler;
    private final Executor loop;
    private final Clock clock;

    public TaskRoutes(ProtocolJson json, CallbackUrlPolicy urls, PaymentVerifier payments, TaskStore store,
                      Scheduler scheduler, Executor loop, Clock clock) {
        this.json = json;
        this.urls = urls;
        this.payments = payments;
        this.store = store;
        this.scheduler = scheduler;
        this.loop = loop;
        this.clock = clock;
    }

    public CompletableFuture<ApiResponse> submit(byte[] body) {
        TaskSubmission s = json.readBody(body, TaskSubmission.class);
        byte[] payload = canonicalPayload(s.payload());
        CallbackTargets targets = CallbackTargets.fromPayload(s.payload());
        String complete = checkUrl(targets.completeUrl(), targets.completeField());
        String stream = checkUrl(targets.streamUrl(), targets.streamField());
        java.math.BigInteger demander = s.onChainTaskId() == null ? null : demanderAddress(body);
        return payments.verify(s, demander).toCompletableFuture().thenCompose(decision -> {
            if (!decision.isAccepted()) {
                throw new ApiException(decision.outcome().httpStatus(), decision.outcome().code(), decision.detail());
            }
            String taskId = UUID.randomUUID().toString();
            JsonNode meta = callbackMeta(s.payload());
            NewTask task = new NewTask(taskId, clock.millis(), payload, Felts.toHex(Felts.sha256ModP(payload)),
                    json.writeString(s.requirements()), s.tokenAmount(), s.onChainTaskId(), s.description(),
                    s.affiliateAddress(), json.writeString(meta), complete, stream, decision.escrowedAmount());
            return store.insert(task).thenApplyAsync(v -> {
                LiveTask live = new LiveTask(taskId, scheduler.nextOrder(), s.payload(), s.requirements(), s.tokenAmount(),
                        s.onChainTaskId(), meta, complete, stream, 0);
                scheduler.enqueue(decision.escrowedAmount() == null ? live : live.settledOnChain(null));
                return new ApiResponse(201, json.write(new TaskSubmitted(taskId)));
            }, loop);
        });
    }

    public ApiResponse get(String taskId) {
        TaskRecord r = store.find(taskId).orElseThrow(() -> ApiException.notFound("task " + taskId + " not found"));
        return new ApiResponse(200, json.write(view(r)));
    }

    /**
     * The optional {@code demander_address} (ours, not in PROTOCOL.md §1): when present, the escrow's
     * creator must be this account. Read from the raw body so the shared submission record stays as the
     * protocol defines it; only submissions with an escrow pay for the second parse.
     */
    private java.math.BigInteger demanderAddress(byte[] body) {
        JsonNode d;
        try {
            d = json.mapper().readTree(body).get("demander_address");
        } catch (java.io.IOException e) {
            return null; // already parsed once above; cannot happen
        }
        if (d == null || d.isNull()) {
            return null;
        }
        if (!d.isTextual() || !d.asText().matches("^0x[0-9a-fA-F]{1,64}$")) {
            throw ApiErrors.invalid(List.of("body", "demander_address"), "demander_address must be a Starknet address"
                    + " (0x followed by 1 to 64 hex digits)");
        }
        return Felts.parse("demander_address", d.asText());
    }

    public ApiResponse list(Map<String, List<String>> query) {
        TaskStatus status = null;
        String s = first(query, "status");
        if (s != null) {
            try {
                status = TaskStatus.parse(s);
            } catch (IllegalArgumentException e) {
                throw ApiErrors.invalid(List.of("query", "status"), e.getMessage());
            }
        }
        int limit = (int) number(query, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        long after = number(query, "cursor", 0, 0, Long.MAX_VALUE);
        List<TaskRecord> rows = store.page(status, after, limit);
        String next = rows.size() == limit ? Long.toString(rows.get(rows.size() - 1).seq()) : null;
        return new ApiResponse(200, json.write(new TaskPage(rows.stream().map(this::view).toList(), next)));
    }

    TaskView view(TaskRecord r) {
        JsonNode result = r.result() == null ? null : CanonicalJson.parse(r.result());
        Settlement settlement = r.onChainTaskId() == null ? new Settlement(Settlement.NONE, null, null, null, null)
                : store.settlement(r.taskId()).map(s -> new Settlement(s.state(), s.claimTx(), s.providerPayout(),
                        s.gasSubsidy(), s.treasuryFee())).orElseGet(() -> new Settlement(Settlement.NONE, null, null, null, null));
        return new TaskView(r.taskId(), r.status(), r.assignedNodeId(), result, r.errorMessage(), iso(r.createdAtMillis()),
                iso(r.assignedAtMillis()), iso(r.completedAtMillis()), r.executionTime(), r.onChainTaskId(),
                r.tokenAmount(), r.attempts(), settlement);
    }

    private static byte[] canonicalPayload(JsonNode payload) {
        byte[] bytes;
        try {
            bytes = CanonicalJson.canonicalBytes(payload);
        } catch (ProtocolException e) {
            throw ApiErrors.invalid(List.of("body", "payload"), "payload has no canonical JSON form: " + e.getMessage());
        }
        if (bytes.length > Limits.MAX_PAYLOAD_BYTES) {
            throw new ProtocolException(ProtocolException.Kind.TOO_LARGE, "payload is " + bytes.length
                    + " bytes as canonical JSON; at most " + Limits.MAX_PAYLOAD_BYTES + " allowed");
        }
        return bytes;
    }

    private String checkUrl(String url, String field) {
        if (url == null) {
            return null;
        }
        try {
            return urls.check(url);
        } catch (IllegalArgumentException e) {
            throw ApiErrors.invalid(List.of("body", "payload", field), field + " " + e.getMessage());
        }
    }

    /** {@code chat_id}, {@code message_id}, {@code model}: what final callbacks copy from the payload. */
    private JsonNode callbackMeta(JsonNode payload) {
        ObjectNode meta = json.mapper().createObjectNode();
        for (String field : List.of("chat_id", "message_id", "model")) {
            if (payload.has(field)) {
                meta.set(field, payload.get(field));
            }
        }
        return meta;
    }

    static String iso(Long millis) {
        return millis == null ? null : Frames.timestamp(Instant.ofEpochMilli(millis));
    }

    static String first(Map<String, List<String>> query, String key) {
        List<String> v = query.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    static long number(Map<String, List<String>> query, String key, long dflt, long min, long max) {
        String v = first(query, key);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw ApiErrors.invalid(List.of("query", key), key + " " + n + " is outside [" + min + ", " + max + "]");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiErrors.invalid(List.of("query", key), key + " '" + v + "' is not an integer");
        }
    }
}

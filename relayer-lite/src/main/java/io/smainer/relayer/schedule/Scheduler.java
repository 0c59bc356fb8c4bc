package io.smainer.relayer.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.api.TaskStatus;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.NodeHeartbeat;
import io.smainer.protocol.wire.Ping;
import io.smainer.protocol.wire.TaskAssigned;
import io.smainer.protocol.wire.TaskCancel;
import io.smainer.relayer.callback.CallbackBodies;
import io.smainer.relayer.callback.CallbackQueue;
import io.smainer.relayer.chain.SettlementSink;
import io.smainer.relayer.chain.VerifiedResult;
import io.smainer.relayer.store.CallbackEvent;
import io.smainer.relayer.store.FinalOutcome;
import io.smainer.relayer.store.TaskStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling state machine. Not thread-safe: every method runs on the scheduler thread
 * ({@code loop}); continuations of store writes hop back to it. Dispatch is event-driven and
 * coalesced: any number of events in one turn of the loop cause one pass over the FIFO queue.
 */
public final class Scheduler {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    /** A pass stops after this many pending tasks so a queue of unrunnable tasks cannot stall the loop. */
    private static final int MAX_SCAN = 10_000;

    private final TaskStore store;
    private final CallbackQueue callbacks;
    private final CallbackBodies bodies;
    private final SettlementSink settlement;
    private final Clock clock;
    private final Executor loop;
    private final SchedulerSettings settings;
    private final CompletionWindow completions;
    private final NodeRegistry nodes = new NodeRegistry();
    private final TaskQueue queue = new TaskQueue();
    private final Map<String, LiveTask> live = new HashMap<>();
    private final java.util.Set<String> everRegistered = new java.util.HashSet<>();
    private boolean dispatchRequested;
    private long submissionOrder;
    private volatile int activeNodes;
    private volatile int registeredNodes;

    public Scheduler(TaskStore store, CallbackQueue callbacks, CallbackBodies bodies, SettlementSink settlement,
                     Clock clock, Executor loop, SchedulerSettings settings, CompletionWindow completions) {
        this.store = store;
        this.callbacks = callbacks;
        this.bodies = bodies;
        this.settlement = settlement;
        this.clock = clock;
        this.loop = loop;
        this.settings = settings;
        this.completions = completions;
    }

    /** The next FIFO position; tasks are created with it on this thread, in the order they were stored. */
    public long nextOrder() {
        return ++submissionOrder;
    }

    /** Thread-safe count of distinct node ids seen since start, for {@code /stats}. */
    public int registeredNodes() {
        return registeredNodes;
    }

    /** A new or recovered task enters the queue. */
    public void enqueue(LiveTask t) {
        live.put(t.taskId, t);
        queue.add(t);
        requestDispatch();
    }

    /** A new callback target for a live task: later events go there. */
    public void retarget(String taskId, String completeUrl, String streamUrl) {
        LiveTask t = live.get(taskId);
        if (t != null) {
            t.completeUrl = completeUrl;
            t.streamUrl = streamUrl;
        }
    }

    public LiveTask live(String taskId) {
        return live.get(taskId);
    }

    NodeRegistry nodes() {
        return nodes;
    }

    long nowMillis() {
        return clock.millis();
    }

    SchedulerSettings settings() {
        return settings;
    }

    /** Thread-safe count for {@code /health}. */
    public int activeNodes() {
        return activeNodes;
    }

    public int pendingTasks() {
        return queue.size();
    }

    /** An authenticated node joins; a previous session of the same node hands its tasks over and is closed. */
    public void register(NodeState node) {
        NodeState old = nodes.put(node);
        if (old != null) {
            node.active.addAll(old.active);
            old.session.close(1008, "replaced by a newer connection of node " + node.nodeId);
        }
        activeNodes = nodes.size();
        everRegistered.add(node.nodeId);
        registeredNodes = everRegistered.size();
        log.info("node {} registered (max {} tasks{})", node.nodeId, node.maxConcurrent, old == null ? "" : ", replaced");
        requestDispatch();
    }

    /** The session closed or expired: its tasks go back to the queue. */
    public void disconnected(NodeSession session, String reason) {
        NodeState n = nodes.remove(session);
        if (n == null) {
            return;
        }
        activeNodes = nodes.size();
        log.info("node {} left ({}), re-queueing {} tasks", n.nodeId, reason, n.active.size());
        for (String id : List.copyOf(n.active)) {
            LiveTask t = live.get(id);
            n.active.remove(id);
            if (t != null && t.finishing == null) {
                requeue(t, "node " + n.nodeId + " " + reason);
            }
        }
    }

    public void heartbeat(NodeSession session, NodeHeartbeat hb) {
        NodeState n = nodes.of(session);
        if (n == null) {
            return;
        }
        n.lastHeartbeatMillis = clock.millis();
        n.cpuUsage = hb.cpuUsage();
        n.memoryUsage = hb.memoryUsage();
        n.draining = Boolean.TRUE.equals(hb.draining());
        if (hb.capabilities() != null) {
            n.capabilities = hb.capabilities();
        }
        requestDispatch();
    }

    /** Any frame from a node: its assignments sent before now have reached a live reader ("started"). */
    public void inbound(NodeSession session) {
        NodeState n = nodes.of(session);
        if (n == null) {
            return;
        }
        n.lastInboundMillis = clock.millis();
        n.pingOutstanding = false;
        for (String id : n.active) {
            LiveTask t = live.get(id);
            if (t != null && t.status == TaskStatus.ASSIGNED && t.finishing == null) {
                t.status = TaskStatus.IN_PROGRESS;
                store.markStarted(id);
            }
        }
    }

    /** Registered node of a session, or null. */
    public NodeState node(NodeSession session) {
        return nodes.of(session);
    }

    public void requestDispatch() {
        if (!dispatchRequested) {
            dispatchRequested = true;
            loop.execute(this::dispatch);
        }
    }

    void dispatch() {
        dispatchRequested = false;
        long now = clock.millis();
        long hb = settings.heartbeatTimeout().toMillis();
        int free = nodes.freeSlots(now, hb);
        int scanned = 0;
        for (Iterator<LiveTask> it = queue.inOrder().iterator(); free > 0 && it.hasNext() && scanned < MAX_SCAN; scanned++) {
            LiveTask t = it.next();
            NodeState n = nodes.pick(t, now, hb);
            if (n != null) {
                it.remove();
                assign(t, n, now);
                free--;
            }
        }
    }

    private void assign(LiveTask t, NodeState n, long now) {
        t.status = TaskStatus.ASSIGNED;
        t.attempts++;
        t.nodeId = n.nodeId;
        t.assignedAtMillis = now;
        n.active.add(t.taskId);
        CallbackEvent event = t.completeUrl == null ? null : new CallbackEvent(Frames.newEventId(), t.taskId,
                CallbackEvent.Kind.ASSIGNED, CallbackEvent.State.PENDING, 0, now);
        String url = t.completeUrl;
        java.math.BigInteger pin = t.settles && t.escrowProvider == null ? n.addressFelt : null;
        if (pin != null) {
            t.escrowProvider = pin;
        }
        // Dispatch does not wait for the chain: assign_task goes out concurrently (docs/relayer-lite.md "Settlement").
        store.markAssigned(t.taskId, n.nodeId, t.attempts, now, event, pin).whenCompleteAsync((v, e) -> {
            if (e != null) {
                log.error("task {}: storing the assignment failed", t.taskId, e);
                return;
            }
            if (event != null) {
                callbacks.enqueue(event, url, bodies.assigned(t.taskId, t.callbackMeta, t.onChainTaskId));
            }
            if (pin != null) {
                settlement.taskAssigned(t.taskId);
            }
        }, loop);
        n.session.send(new TaskAssigned(Frames.newEventId(), Frames.now(), t.taskId, t.payload, t.requirements,
                t.requirements.executionTimeSeconds(), t.tokenAmount, t.onChainTaskId));
        if (!n.pingOutstanding) {
            n.pingOutstanding = true;
            n.session.send(new Ping(Frames.newEventId(), Frames.now()));
        }
    }

    /** Back to the queue, or {@code failed} once {@code max_attempts} assignments were used. */
    CompletableFuture<Void> requeue(LiveTask t, String reason) {
        release(t, false);
        if (t.attempts >= settings.maxAttempts()) {
            return finish(t, TaskStatus.FAILED, null, null, null, "gave up after " + t.attempts + " attempts; last: " + reason,
                    null, null).thenApply(x -> null);
        }
        log.info("task {} re-queued after attempt {}: {}", t.taskId, t.attempts, reason);
        t.status = TaskStatus.PENDING;
        t.nodeId = null;
        queue.add(t);
        requestDispatch();
        return store.markRequeued(t.taskId, reason);
    }

    /**
     * Makes a task final once: stores the outcome (dropping the payload), then, when durable, queues the
     * final callback and hands a verified result to settlement. Repeated calls return the first future.
     */
    public CompletableFuture<Boolean> finish(LiveTask t, TaskStatus status, JsonNode result, byte[] canonicalResult,
                                             String resultHash, String error, Double executionTime, VerifiedResult proof) {
        if (t.finishing != null) {
            return t.finishing;
        }
        long now = clock.millis();
        queue.remove(t);
        release(t, status == TaskStatus.COMPLETED);
        boolean hasTarget = t.completeUrl != null;
        String eventId = Frames.newEventId();
        FinalOutcome outcome = new FinalOutcome(t.taskId, status, now, proof == null ? null : proof.nodeId(),
                canonicalResult, resultHash, error, executionTime, eventId, hasTarget,
                hasTarget ? null : now + settings.resultTtl().toMillis(), t.settles, proof == null ? null : proof.signature());
        t.status = status;
        t.finishing = store.finish(outcome).whenCompleteAsync((done, e) -> {
            live.remove(t.taskId);
            if (e != null) {
                log.error("task {}: storing the final state {} failed", t.taskId, status.wireName(), e);
                return;
            }
            completions.record(now);
            if (done && hasTarget) {
                callbacks.enqueue(new CallbackEvent(eventId, t.taskId, CallbackEvent.Kind.FINAL, CallbackEvent.State.PENDING,
                        0, now), t.completeUrl, bodies.finalBody(t.taskId, status.wireName(), result, error, executionTime,
                        t.callbackMeta, t.onChainTaskId));
            }
            if (done && proof != null && t.settles) {
                settlement.resultVerified(proof);
            }
        }, loop);
        requestDispatch();
        return t.finishing;
    }

    /** Frees the task's slot on its node; a node that ran it elsewhere gets a {@code task_cancel}. */
    private void release(LiveTask t, boolean completed) {
        NodeState n = t.nodeId == null ? null : nodes.get(t.nodeId);
        if (n != null && n.active.remove(t.taskId)) {
            if (completed) {
                n.completed++;
            } else {
                n.failed++;
            }
            requestDispatch();
        }
    }

    /** Tells the node holding a task to stop it (ours; the ack lists {@code task_cancel}). */
    void cancelOnNode(LiveTask t, String reason) {
        NodeState n = t.nodeId == null ? null : nodes.get(t.nodeId);
        if (n != null) {
            n.session.send(new TaskCancel(Frames.newEventId(), Frames.now(), t.taskId, reason));
        }
    }

    /** Live tasks, for the periodic timeout scan. */
    List<LiveTask> liveTasks() {
        return new ArrayList<>(live.values());
    }
}

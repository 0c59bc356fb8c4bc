package io.smainer.relayer.ws;

import io.smainer.protocol.Require;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.wire.NodeHeartbeat;
import io.smainer.protocol.wire.NodeRegister;
import io.smainer.protocol.wire.TaskCompleted;
import io.smainer.protocol.wire.TaskFailed;
import io.smainer.protocol.wire.TaskStreamChunk;
import io.smainer.relayer.callback.CallbackBodies;
import io.smainer.relayer.callback.CallbackQueue;
import io.smainer.relayer.schedule.LiveTask;
import io.smainer.relayer.schedule.NodeState;
import io.smainer.relayer.schedule.Scheduler;
import io.smainer.relayer.schedule.Verdict;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each node frame does, shared by all sessions: registration through {@link NodeAuthenticator},
 * results through {@link ResultIntake}, everything that touches scheduling state on the scheduler
 * thread ({@code loop}).
 */
public final class NodeFrames {
    private static final Logger log = LoggerFactory.getLogger(NodeFrames.class);
    /** Production daemons run two tasks at once unless told otherwise (PROTOCOL.md §5 MAX_CONCURRENT_TASKS). */
    static final int DEFAULT_MAX_CONCURRENT = 2;

    private final Scheduler scheduler;
    private final NodeAuthenticator authenticator;
    private final ResultIntake results;
    private final CallbackQueue callbacks;
    private final CallbackBodies bodies;
    private final Clock clock;
    private final Executor loop;

    public NodeFrames(Scheduler scheduler, NodeAuthenticator authenticator, ResultIntake results, CallbackQueue callbacks,
                      CallbackBodies bodies, Clock clock, Executor loop) {
        this.scheduler = scheduler;
        this.authenticator = authenticator;
        this.results = results;
        this.callbacks = callbacks;
        this.bodies = bodies;
        this.clock = clock;
        this.loop = loop;
    }

    void register(ChannelNodeSession session, NodeRegister r) {
        if (!session.beginRegistration()) {
            session.error(WsErrorCode.ALREADY_REGISTERED, "this connection is already registered or registering");
            session.ack(r.eventId(), Verdict.rejected("already registered"), List.of());
            return;
        }
        authenticator.check(session.nodeId(), r).whenCompleteAsync((refusal, e) -> {
            session.endRegistration();
            if (e != null || refusal != null) {
                NodeAuthenticator.Refusal why = refusal != null ? refusal : new NodeAuthenticator.Refusal(
                        WsErrorCode.INTERNAL_ERROR, "registration could not be checked; retry later");
                if (e != null) {
                    log.error("node {}: registration check failed", session.nodeId(), e);
                }
                log.info("node {} refused: {}", session.nodeId(), why.code().wireName());
                session.error(why.code(), why.message());
                session.ack(r.eventId(), Verdict.rejected(why.message()), List.of());
                return;
            }
            session.markRegistered();
            scheduler.register(new NodeState(session, r.starknetAddress(), Felts.parse("starknet_address", r.starknetAddress()),
                    Felts.parse("starknet_public_key", r.starknetPublicKey()), r.hardwareSpec(), r.capabilityContract(),
                    r.maxConcurrentTasks() == null ? DEFAULT_MAX_CONCURRENT : r.maxConcurrentTasks(), r.daemonVersion(),
                    clock.millis()));
            session.ack(r.eventId(), Verdict.accepted("registered"), ChannelNodeSession.FEATURES);
        }, loop);
    }

    void heartbeat(ChannelNodeSession session, NodeHeartbeat hb) {
        if (!hb.nodeId().equals(session.nodeId())) {
            session.error(WsErrorCode.NODE_ID_MISMATCH, "heartbeat node_id '" + hb.nodeId() + "' is not this connection's '"
                    + session.nodeId() + "'");
            return;
        }
        loop.execute(() -> {
            scheduler.inbound(session);
            scheduler.heartbeat(session, hb);
        });
    }

    void inbound(ChannelNodeSession session) {
        if (session.isRegistered()) {
            loop.execute(() -> scheduler.inbound(session));
        }
    }

    void completed(ChannelNodeSession session, TaskCompleted c) {
        results.completed(session, c);
    }

    void failed(ChannelNodeSession session, TaskFailed f) {
        results.failed(session, f);
    }

    /** Stream chunks go to the task's stream URL, if any, only from the node the task is assigned to. */
    void chunk(ChannelNodeSession session, TaskStreamChunk c) {
        loop.execute(() -> {
            scheduler.inbound(session);
            LiveTask t = scheduler.live(c.taskId());
            if (t == null || !session.nodeId().equals(t.nodeId())) {
                session.error(WsErrorCode.UNKNOWN_TASK, "task " + c.taskId() + " is not running on node " + session.nodeId());
            } else if (t.streamUrl() != null) {
                callbacks.stream(t.taskId(), t.streamUrl(), bodies.stream(t.taskId(), c.chunk(), c.done()));
            }
        });
    }

    void closed(ChannelNodeSession session) {
        results.closed(session);
        if (session.isRegistered()) {
            loop.execute(() -> scheduler.disconnected(session, "disconnected"));
        }
    }

    /** Node ids as the URL carries them (PROTOCOL.md §2). */
    static boolean isNodeId(String s) {
        return Require.NODE_ID.matcher(s).matches();
    }
}

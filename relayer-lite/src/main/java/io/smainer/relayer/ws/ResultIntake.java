package io.smainer.relayer.ws;

import io.smainer.protocol.Limits;
import io.smainer.protocol.ProtocolException;
import io.smainer.protocol.api.TaskStatus;
import io.smainer.protocol.json.CanonicalJson;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.ResultProof;
import io.smainer.protocol.wire.TaskCompleted;
import io.smainer.protocol.wire.TaskFailed;
import io.smainer.relayer.chain.VerifiedResult;
import io.smainer.relayer.schedule.LiveTask;
import io.smainer.relayer.schedule.NodeOutcomes;
import io.smainer.relayer.schedule.NodeState;
import io.smainer.relayer.schedule.Scheduler;
import io.smainer.relayer.schedule.Verdict;
import io.smainer.relayer.store.TaskRecord;
import io.smainer.relayer.store.TaskStore;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code task_completed} and {@code task_failed} from a registered node. A result is verified off the
 * I/O and scheduler threads (canonical JSON → {@code result_hash} must match; Stark signature over
 * {@code message_hash} with the node's key and address), then stored; the node gets an {@code ack}
 * with the frame's {@code event_id} only after the store committed. A rejected result also gets an
 * {@code error} frame, and the task goes to another attempt.
 */
public final class ResultIntake {
    private final Scheduler scheduler;
    private final NodeOutcomes outcomes;
    private final SessionVerifyingKeys keys;
    private final TaskStore store;
    private final Executor loop;
    private final Executor verifyPool;

    public ResultIntake(Scheduler scheduler, NodeOutcomes outcomes, ResultProof proof, TaskStore store, Executor loop,
                        Executor verifyPool) {
        this.scheduler = scheduler;
        this.outcomes = outcomes;
        this.keys = new SessionVerifyingKeys(proof, SessionVerifyingKeys.DEFAULT_MAX_KEYS);
        this.store = store;
        this.loop = loop;
        this.verifyPool = verifyPool;
    }

    public void completed(ChannelNodeSession session, TaskCompleted f) {
        loop.execute(() -> {
            scheduler.inbound(session);
            NodeState node = scheduler.node(session);
            LiveTask t = scheduler.live(f.taskId());
            if (node == null) {
                session.error(WsErrorCode.NOT_REGISTERED, "this connection is no longer registered: reconnect");
            } else if (t == null) {
                verifyPool.execute(() -> answerFinal(session, f.eventId(), f.taskId(), true));
            } else {
                BigInteger address = node.addressFelt();
                BigInteger key = node.publicKey();
                verifyPool.execute(() -> verify(session, f, t, address, key));
            }
        });
    }

    private void verify(ChannelNodeSession session, TaskCompleted f, LiveTask t, BigInteger address, BigInteger key) {
        byte[] canonical;
        try {
            canonical = CanonicalJson.canonicalBytes(f.resultData());
        } catch (ProtocolException e) {
            reject(session, f, t, WsErrorCode.INVALID_RESULT, "result_data has no canonical JSON form: " + e.getMessage());
            return;
        }
        if (canonical.length > Limits.MAX_RESULT_BYTES) {
            reject(session, f, t, WsErrorCode.TOO_LARGE, "result_data is " + canonical.length + " bytes as canonical JSON; at most "
                    + Limits.MAX_RESULT_BYTES + " allowed");
            return;
        }
        BigInteger hash = Felts.sha256ModP(canonical);
        if (!hash.equals(f.resultHash())) {
            reject(session, f, t, WsErrorCode.INVALID_RESULT_HASH, "result_hash " + Felts.toHex(f.resultHash())
                    + " is not sha256(canonical_json(result_data)) mod P = " + Felts.toHex(hash));
            return;
        }
        BigInteger taskFelt = ResultProof.taskIdFelt(f.taskId(), t.onChainTaskId());
        if (!keys.verify(session, key, taskFelt, address, hash, f.signature())) {
            reject(session, f, t, WsErrorCode.INVALID_RESULT_SIGNATURE, "signature does not verify for the node's key over"
                    + " pedersen(pedersen(task_id_felt, address), result_hash)");
            return;
        }
        VerifiedResult verified = new VerifiedResult(f.taskId(), t.onChainTaskId(), session.nodeId(), address, hash,
                f.signature());
        loop.execute(() -> outcomes.completed(session, t, f.resultData(), canonical, f.executionTime(), verified)
                .whenComplete((v, e) -> ack(session, f.eventId(), v, e)));
    }

    private void reject(ChannelNodeSession session, TaskCompleted f, LiveTask t, WsErrorCode code, String message) {
        session.error(code, "task " + f.taskId() + ": " + message);
        loop.execute(() -> outcomes.rejectedResult(session, t, code.wireName())
                .whenComplete((v, e) -> ack(session, f.eventId(), v, e)));
    }

    /** The session's connection closed: its prepared verification key goes. */
    void closed(ChannelNodeSession session) {
        keys.release(session);
    }

    public void failed(ChannelNodeSession session, TaskFailed f) {
        loop.execute(() -> {
            scheduler.inbound(session);
            LiveTask t = scheduler.live(f.taskId());
            if (t == null) {
                verifyPool.execute(() -> answerFinal(session, f.eventId(), f.taskId(), false));
            } else {
                outcomes.failed(session, t, f).whenComplete((v, e) -> ack(session, f.eventId(), v, e));
            }
        });
    }

    /** The task is not live: it is final (answer idempotently) or unknown. */
    private void answerFinal(ChannelNodeSession session, String eventId, String taskId, boolean isResult) {
        Optional<TaskRecord> record = store.find(taskId);
        if (record.isEmpty()) {
            session.error(WsErrorCode.UNKNOWN_TASK, "task " + taskId + " is not known to this relayer");
            session.ack(eventId, Verdict.rejected("unknown task " + taskId), List.of());
            return;
        }
        TaskStatus status = record.get().status();
        boolean duplicate = !isResult || status == TaskStatus.COMPLETED || status == TaskStatus.SETTLED;
        session.ack(eventId, duplicate ? Verdict.accepted("task " + taskId + " is already " + status.wireName())
                : Verdict.rejected("task " + taskId + " is already " + status.wireName()), List.of());
    }

    private static void ack(ChannelNodeSession session, String eventId, Verdict v, Throwable e) {
        if (e != null) {
            session.error(WsErrorCode.INTERNAL_ERROR, "the relayer could not store this frame; resend it later");
            session.ack(eventId, Verdict.rejected("not stored: internal error"), List.of());
        } else {
            session.ack(eventId, v, List.of());
        }
    }
}

package io.smainer.daemon.task;

import io.smainer.daemon.identity.NodeIdentity;
import io.smainer.protocol.Limits;
import io.smainer.protocol.json.CanonicalJson;
import io.smainer.protocol.stark.ResultProof;
import io.smainer.protocol.stark.StarkSignature;
import io.smainer.protocol.wire.EffortMetrics;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.TaskAssigned;
import io.smainer.protocol.wire.TaskCompleted;
import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.protocol.wire.TaskFailed;
import java.math.BigInteger;
import java.time.Duration;

/**
 * Turns an outcome into the signed {@code task_completed} of PROTOCOL.md §2: {@code result_hash =
 * sha256(canonical_json(result_data)) mod P}, {@code task_id_felt} from {@code on_chain_task_id} else
 * {@code sha256(task_id)}, signature over {@code pedersen(pedersen(task_id_felt, account), result_hash)}.
 */
public final class ResultSigner {
    private final NodeIdentity identity;
    private final ResultProof proof;

    public ResultSigner(NodeIdentity identity, ResultProof proof) {
        this.identity = identity;
        this.proof = proof;
    }

    public TaskCompleted completed(TaskAssigned task, TaskOutcome outcome, Duration wall, double cpuPercent)
            throws TaskRunException {
        byte[] canonical = CanonicalJson.canonicalBytes(outcome.resultData());
        if (canonical.length > Limits.MAX_RESULT_BYTES) {
            throw new TaskRunException(TaskErrorCode.RESOURCE_LIMIT, "result of " + canonical.length
                    + " bytes exceeds the limit of " + Limits.MAX_RESULT_BYTES + " bytes");
        }
        BigInteger resultHash = CanonicalJson.sha256ModP(outcome.resultData());
        BigInteger taskIdFelt = ResultProof.taskIdFelt(task.taskId(), task.onChainTaskId());
        StarkSignature sig = proof.sign(identity.key(), taskIdFelt, identity.accountFelt(), resultHash);
        double seconds = wall.toNanos() / 1e9;
        return new TaskCompleted(Frames.newEventId(), Frames.now(), task.taskId(), outcome.resultData(), seconds,
                resultHash, sig, effort(outcome.effort(), seconds, cpuPercent));
    }

    public static TaskFailed failed(String taskId, TaskErrorCode code, String message) {
        return new TaskFailed(Frames.newEventId(), Frames.now(), taskId, code.name(),
                Limits.clip(message, Limits.MAX_TEXT_CHARS - 1), null);
    }

    private static EffortMetrics effort(EffortMetrics runner, double wallSeconds, double cpuPercent) {
        if (runner != null) {
            return runner.wallTimeSeconds() != null ? runner : new EffortMetrics(runner.tokensInput(), runner.tokensOutput(),
                    runner.gpuTimeSeconds(), runner.modelId(), runner.modelParamsBillions(), runner.peakVramUsedGb(),
                    runner.throughputTps(), wallSeconds, runner.cpuUsagePercent(), runner.peakMemoryMb());
        }
        return new EffortMetrics(null, null, null, null, null, null, null, wallSeconds, cpuPercent, null);
    }
}

package io.smainer.daemon.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.daemon.task.TaskContext;
import io.smainer.daemon.task.TaskOutcome;
import io.smainer.daemon.task.TaskRunException;
import io.smainer.daemon.task.TaskRunner;
import io.smainer.protocol.wire.EffortMetrics;
import io.smainer.sandbox.SandboxException;
import io.smainer.sandbox.custom.CustomTaskExecutor;
import io.smainer.sandbox.custom.CustomTaskRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * CUSTOM ({@code {"task_type":"CUSTOM","runtime","code","args"?}}): operator-allow-listed interpreters in
 * the sandbox, result {@code {stdout, stderr, exit_code, stdout_truncated, stderr_truncated,
 * resource_report}}. Without an open sandbox (disabled, or isolation unavailable) the kind reports
 * {@link #unavailableReason()} and intake answers {@code NOT_ELIGIBLE} without running anything: another
 * node may have isolation, and this one never runs untrusted code unisolated.
 */
public final class CustomTaskRunner implements TaskRunner {
    public static final String KIND = "CUSTOM";
    /** The sandbox names cgroups after the task: ids outside this set are hashed (relayer ids are uuids). */
    private static final Pattern SANDBOX_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final CustomTaskExecutor executor;
    private final String unavailableReason;

    private CustomTaskRunner(CustomTaskExecutor executor, String unavailableReason) {
        this.executor = executor;
        this.unavailableReason = unavailableReason;
    }

    public static CustomTaskRunner running(CustomTaskExecutor executor) {
        return new CustomTaskRunner(executor, null);
    }

    /** A runner that refuses every CUSTOM task with {@code reason} (logs, {@code /status}, {@code task_failed}). */
    public static CustomTaskRunner refusing(String reason) {
        return new CustomTaskRunner(null, reason);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean accepts(JsonNode payload) {
        return CustomTaskRequest.isCustom(payload);
    }

    @Override
    public String unavailableReason() {
        return unavailableReason;
    }

    @Override
    public TaskOutcome run(TaskContext context) throws TaskRunException, InterruptedException {
        if (executor == null) {
            throw new TaskRunException(io.smainer.protocol.wire.TaskErrorCode.NOT_ELIGIBLE, unavailableReason);
        }
        JsonNode result;
        try {
            result = executor.execute(sandboxId(context.taskId()), context.payload(), context.timeout());
        } catch (SandboxException e) {
            throw TaskFailures.of(e);
        }
        return new TaskOutcome(result, effort(result.path("resource_report")));
    }

    /** Wall time, CPU (percent of one core, over the wall time) and peak memory from the kernel's counters. */
    static EffortMetrics effort(JsonNode report) {
        long wallMs = report.path("wall_time_ms").asLong(-1);
        long cpuMs = report.path("cpu_time_ms").asLong(-1);
        long peak = report.path("peak_memory_bytes").asLong(-1);
        Double wall = wallMs < 0 ? null : wallMs / 1000.0;
        Double cpu = cpuMs < 0 || wallMs <= 0 ? null : Math.min(100.0 * cpuMs / wallMs, 100 * 4096.0);
        Double peakMb = peak < 0 ? null : peak / (1024.0 * 1024.0);
        return new EffortMetrics(null, null, null, null, null, null, null, wall, cpu, peakMb);
    }

    static String sandboxId(String taskId) {
        if (SANDBOX_ID.matcher(taskId).matches()) {
            return taskId;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(taskId.getBytes(StandardCharsets.UTF_8));
            return "t-" + HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}

package io.smainer.sandbox.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.sandbox.Sandbox;
import io.smainer.sandbox.SandboxException;
import io.smainer.sandbox.SandboxLimits;
import io.smainer.sandbox.SandboxResult;
import io.smainer.sandbox.SandboxSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs a CUSTOM task through the sandbox. Success is any exit code (the task's own result):
 * {@code {stdout, stderr, exit_code, stdout_truncated, stderr_truncated, resource_report}}. A limit hit
 * is a failure with its code (TIMEOUT, RESOURCE_LIMIT); a bad payload is INVALID_PAYLOAD; a runtime the
 * operator did not allow is NOT_ELIGIBLE.
 */
public final class CustomTaskExecutor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sandbox sandbox;
    private final RuntimeAllowList runtimes;
    private final SandboxLimits limits;

    public CustomTaskExecutor(Sandbox sandbox, RuntimeAllowList runtimes, SandboxLimits limits) {
        this.sandbox = sandbox;
        this.runtimes = runtimes;
        this.limits = limits;
    }

    /** @param timeout the task's {@code timeout_seconds}; capped by the configured wall limit */
    public ObjectNode execute(String taskId, JsonNode payload, Duration timeout)
            throws SandboxException, InterruptedException {
        CustomTaskRequest request = CustomTaskRequest.parse(payload);
        CustomRuntime runtime = runtimes.find(request.runtime()).orElseThrow(() -> new SandboxException(
                TaskErrorCode.NOT_ELIGIBLE, "CUSTOM runtime '" + request.runtime() + "' is not allowed on this node"
                        + " (allowed: " + runtimes.interpreters().keySet() + ", " + RuntimeAllowList.CONFIG_KEY + ")", null));
        Duration wall = timeout == null || timeout.compareTo(limits.wallTimeout()) > 0 ? limits.wallTimeout() : timeout;
        SandboxSpec spec = SandboxSpec.of(taskId, runtime.argv(request.args()), limits.withWallTimeout(wall))
                .withFiles(Map.of(runtime.fileName(), request.code().getBytes(StandardCharsets.UTF_8)))
                .withExtraReadOnlyPaths(List.of(runtime.interpreter().getParent()));
        SandboxResult result = sandbox.run(spec);
        if (result.errorCode().isPresent()) {
            throw new SandboxException(result.errorCode().get(), result.reason(), null);
        }
        return resultData(result);
    }

    static ObjectNode resultData(SandboxResult r) {
        ObjectNode out = JSON.createObjectNode();
        out.put("stdout", new String(r.stdout(), StandardCharsets.UTF_8));
        out.put("stderr", new String(r.stderr(), StandardCharsets.UTF_8));
        if (r.signal() > 0) {
            out.put("exit_code", 128 + r.signal());
            out.put("signal", r.signal());
        } else {
            out.put("exit_code", r.exitCode());
        }
        out.put("stdout_truncated", r.stdoutTruncated());
        out.put("stderr_truncated", r.stderrTruncated());
        out.set("resource_report", JSON.valueToTree(r.resources().toJsonMap()));
        return out;
    }
}

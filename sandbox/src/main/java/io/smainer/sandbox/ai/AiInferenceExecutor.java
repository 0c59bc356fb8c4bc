package io.smainer.sandbox.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.Limits;
import io.smainer.protocol.wire.EffortMetrics;
import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.sandbox.SandboxException;
import java.util.function.Consumer;

/**
 * One AI_INFERENCE task: validate the payload, refuse models outside the catalog, call the backend
 * (streaming when a chunk sink is given, so the daemon can send {@code task_stream_chunk}s), sample the
 * GPU, and return {@code result_data} {@code {"response","model"}} with {@code effort_metrics}.
 */
public final class AiInferenceExecutor {
    private final InferenceBackend backend;
    private final ModelCatalog catalog;
    private final GpuSampler gpu;
    private final String defaultModel;

    public AiInferenceExecutor(InferenceBackend backend, ModelCatalog catalog, GpuSampler gpu, String defaultModel) {
        this.backend = backend;
        this.catalog = catalog;
        this.gpu = gpu;
        this.defaultModel = defaultModel;
    }

    /** result_data plus effort metrics; never holds the prompt. */
    public record Outcome(ObjectNode resultData, EffortMetrics effort) {
        @Override
        public String toString() {
            return "Outcome[resultData=<redacted>, effort=" + effort + "]";
        }
    }

    public Outcome execute(JsonNode payload, Consumer<String> chunks) throws SandboxException, InterruptedException {
        InferenceRequest request = InferenceRequest.parse(payload, defaultModel);
        if (!catalog.allowed(request.model())) {
            throw new SandboxException(TaskErrorCode.NOT_ELIGIBLE, "model '" + request.model() + "' is not in this node's"
                    + " allow-list (" + ModelCatalog.CONFIG_KEY + ")", null);
        }
        InferenceResult result;
        GpuSampler.Session session = gpu.start();
        try {
            result = backend.generate(request, chunks);
        } finally {
            session.close();
        }
        ObjectNode data = BackendHttp.JSON.createObjectNode();
        data.put("response", result.text());
        data.put("model", result.model());
        double wall = result.wallNanos() / 1e9;
        Long in = result.promptTokens() < 0 ? null : Math.min(result.promptTokens(), Limits.MAX_TOKENS_INPUT);
        Long out = result.completionTokens() < 0 ? null : Math.min(result.completionTokens(), Limits.MAX_TOKENS_OUTPUT);
        Double tps = out == null || wall <= 0 ? null : out / wall;
        Double gpuSeconds = session.gpuSeconds() == null ? null : Math.min(session.gpuSeconds(), Limits.MAX_GPU_TIME_SECONDS);
        String modelId = result.model().length() > Limits.MAX_ID_CHARS ? result.model().substring(0, Limits.MAX_ID_CHARS)
                : result.model();
        EffortMetrics effort = new EffortMetrics(in, out, gpuSeconds, modelId, null, session.peakVramGb(), tps, wall,
                null, null);
        return new Outcome(data, effort);
    }
}

package io.smainer.daemon.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.daemon.task.ResultLink;
import io.smainer.daemon.task.TaskContext;
import io.smainer.daemon.task.TaskOutcome;
import io.smainer.daemon.task.TaskRunException;
import io.smainer.daemon.task.TaskRunner;
import io.smainer.protocol.wire.Ack;
import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.sandbox.SandboxException;
import io.smainer.sandbox.ai.AiInferenceExecutor;
import io.smainer.sandbox.ai.InferenceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AI_INFERENCE ({@code {"type":"ai_inference","prompt","model"?,"max_tokens"?}}): the local model server
 * over loopback; the prompt goes from the payload in memory to the HTTP request and never to disk. When
 * the relayer's ack lists {@code stream}, the backend is asked to stream and every fragment goes out as a
 * {@code task_stream_chunk} before the signed result. Token counts and GPU time become
 * {@code effort_metrics}. An unreachable backend fails the task {@code BACKEND_UNAVAILABLE} (retryable
 * elsewhere); a model outside the allow-list is {@code NOT_ELIGIBLE}.
 */
public final class AiInferenceRunner implements TaskRunner {
    public static final String KIND = "AI_INFERENCE";
    private static final Logger log = LoggerFactory.getLogger(AiInferenceRunner.class);

    private final AiInferenceExecutor executor;
    private final ResultLink link;
    private final ModelOffer offer;
    private final String defaultModel;

    /**
     * @param executor     null when AI tasks are disabled
     * @param defaultModel {@code ollama_default_model}, used when a payload names no model; may be empty
     */
    public AiInferenceRunner(AiInferenceExecutor executor, ResultLink link, ModelOffer offer, String defaultModel) {
        this.executor = executor;
        this.link = link;
        this.offer = offer;
        this.defaultModel = defaultModel;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean accepts(JsonNode payload) {
        return InferenceRequest.isInference(payload);
    }

    /** Only "disabled" refuses at intake; a backend that is down answers BACKEND_UNAVAILABLE when asked. */
    @Override
    public String unavailableReason() {
        return executor == null ? "AI tasks are disabled on this node (enable_ai_tasks=false)" : null;
    }

    /** For {@code /status}: disabled, or why no model is offered right now. */
    public String statusReason() {
        return executor == null ? unavailableReason() : offer.problem();
    }

    @Override
    public TaskOutcome run(TaskContext context) throws TaskRunException, InterruptedException {
        if (executor == null) {
            throw new TaskRunException(TaskErrorCode.NOT_ELIGIBLE, unavailableReason());
        }
        String model = context.payload().path("model").isTextual() ? context.payload().path("model").asText() : defaultModel;
        if (offer.problem() == null && model != null && !model.isEmpty() && !offer.models().contains(model)) {
            // The backend answered at the last check and does not serve it: another node may.
            throw new TaskRunException(TaskErrorCode.NOT_ELIGIBLE, "model '" + model + "' is not offered by this node"
                    + " (offered: " + offer.models() + "; allowed_models and the backend's list decide)");
        }
        ChunkStream stream = link.supports(Ack.FEATURE_STREAM) ? new ChunkStream(link, context.taskId()) : null;
        AiInferenceExecutor.Outcome outcome;
        try {
            outcome = executor.execute(context.payload(), stream);
        } catch (SandboxException e) {
            throw TaskFailures.of(e);
        }
        if (stream != null) {
            stream.finish();
            log.debug("task {}: {} stream chunk(s) sent, {} dropped (no connection)", context.taskId(), stream.sent(),
                    stream.dropped());
        }
        return new TaskOutcome(outcome.resultData(), outcome.effort());
    }
}

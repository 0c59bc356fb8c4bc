package io.smainer.sandbox.ai;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.sandbox.SandboxException;

/** {@code {"type":"ai_inference","prompt":"...","model":"...","max_tokens"?:n}}; the prompt is never printed. */
public record InferenceRequest(String model, String prompt, int maxTokens) {
    /** Production default (PROTOCOL.md §5: {@code "options":{"num_predict":512}}). */
    public static final int DEFAULT_MAX_TOKENS = 512;
    public static final int MAX_PROMPT_CHARS = 512 * 1024;
    public static final int MAX_OUTPUT_TOKENS = 16 * 1024;

    public static boolean isInference(JsonNode payload) {
        return payload != null && "ai_inference".equalsIgnoreCase(payload.path("type").asText(""));
    }

    public static InferenceRequest parse(JsonNode payload, String defaultModel) throws SandboxException {
        JsonNode prompt = payload.path("prompt");
        if (!prompt.isTextual() || prompt.asText().isEmpty() || prompt.asText().length() > MAX_PROMPT_CHARS) {
            throw invalid("ai_inference needs a non-empty string 'prompt' of at most " + MAX_PROMPT_CHARS + " chars");
        }
        String model = payload.path("model").isTextual() ? payload.path("model").asText() : defaultModel;
        if (model == null || model.isBlank() || model.length() > 128) {
            throw invalid("ai_inference needs a 'model' (or OLLAMA_DEFAULT_MODEL) of at most 128 chars");
        }
        int maxTokens = payload.path("max_tokens").asInt(DEFAULT_MAX_TOKENS);
        if (maxTokens < 1 || maxTokens > MAX_OUTPUT_TOKENS) {
            throw invalid("ai_inference 'max_tokens' must be 1.." + MAX_OUTPUT_TOKENS);
        }
        return new InferenceRequest(model, prompt.asText(), maxTokens);
    }

    private static SandboxException invalid(String message) {
        return new SandboxException(TaskErrorCode.INVALID_PAYLOAD, message, null);
    }

    @Override
    public String toString() {
        return "InferenceRequest[model=" + model + ", prompt=" + prompt.length() + " chars, maxTokens=" + maxTokens + "]";
    }
}

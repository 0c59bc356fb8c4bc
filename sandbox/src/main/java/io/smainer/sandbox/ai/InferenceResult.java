package io.smainer.sandbox.ai;

/** The backend's answer; token counts are -1 when the backend did not report them. Text never printed. */
public record InferenceResult(String text, String model, long promptTokens, long completionTokens, long wallNanos) {
    @Override
    public String toString() {
        return "InferenceResult[model=" + model + ", text=" + text.length() + " chars, promptTokens=" + promptTokens
                + ", completionTokens=" + completionTokens + ", wallMs=" + wallNanos / 1_000_000 + "]";
    }
}

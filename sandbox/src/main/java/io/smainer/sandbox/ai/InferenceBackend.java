package io.smainer.sandbox.ai;

import io.smainer.sandbox.SandboxException;
import java.util.List;
import java.util.function.Consumer;

/** A local model server. Unreachable or failing (5xx, timeout) → {@code BACKEND_UNAVAILABLE}. */
public interface InferenceBackend {

    /** "ollama" or "openai", for logs and {@code /status}. */
    String name();

    /** Model ids the backend serves now ({@code /api/tags} or {@code /v1/models}). */
    List<String> listModels() throws SandboxException;

    /**
     * @param chunks receives each streamed text fragment in order; null for a non-streaming request
     */
    InferenceResult generate(InferenceRequest request, Consumer<String> chunks)
            throws SandboxException, InterruptedException;
}

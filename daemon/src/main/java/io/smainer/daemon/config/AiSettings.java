package io.smainer.daemon.config;

import java.net.URI;
import java.util.Set;

/**
 * The AI_INFERENCE part of {@link DaemonConfig}: which local model server, its URL, the default model
 * and the operator's allow-list ({@code *} = every model the backend reports).
 */
public record AiSettings(boolean enabled, Backend backend, URI ollamaBaseUrl, URI openAiBaseUrl, String defaultModel,
                         Set<String> allowedModels) {

    /** The two wire formats the daemon speaks. */
    public enum Backend {
        OLLAMA, OPENAI;

        public String configName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public AiSettings {
        allowedModels = Set.copyOf(allowedModels);
    }

    /** The base URL of the configured backend. */
    public URI baseUrl() {
        return backend == Backend.OLLAMA ? ollamaBaseUrl : openAiBaseUrl;
    }

    /** Allow-list as configured, sorted, for {@code --print-config}. */
    public String allowedModelsText() {
        return String.join(",", new java.util.TreeSet<>(allowedModels));
    }
}

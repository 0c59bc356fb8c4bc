package io.smainer.sandbox.ai;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.sandbox.SandboxException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Ollama: {@code POST /api/generate} with {@code {"model","prompt","stream","options":{"num_predict"}}}
 * exactly as production sends it (PROTOCOL.md §5, 120 s timeout); streaming answers are NDJSON objects
 * with a {@code response} fragment each and {@code done:true} plus {@code prompt_eval_count}/
 * {@code eval_count} last. Models from {@code GET /api/tags}.
 */
public final class OllamaBackend implements InferenceBackend {
    public static final String CONFIG_KEY = "OLLAMA_BASE_URL";
    public static final Duration PRODUCTION_TIMEOUT = Duration.ofSeconds(120);

    private final BackendHttp http;

    public OllamaBackend(URI baseUrl, Duration timeout) {
        this.http = new BackendHttp(baseUrl, timeout, CONFIG_KEY);
    }

    @Override
    public String name() {
        return "ollama";
    }

    @Override
    public List<String> listModels() throws SandboxException {
        try {
            List<String> names = new ArrayList<>();
            for (JsonNode m : http.get("/api/tags").path("models")) {
                names.add(m.path("name").asText(m.path("model").asText()));
            }
            return names;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw http.unavailable("/api/tags", "interrupted", e);
        }
    }

    @Override
    public InferenceResult generate(InferenceRequest request, Consumer<String> chunks)
            throws SandboxException, InterruptedException {
        long start = System.nanoTime();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", request.model());
        body.put("prompt", request.prompt());
        body.put("stream", chunks != null);
        body.put("options", Map.of("num_predict", request.maxTokens()));
        if (chunks == null) {
            JsonNode r = http.postJson("/api/generate", body);
            return new InferenceResult(r.path("response").asText(""), r.path("model").asText(request.model()),
                    r.path("prompt_eval_count").asLong(-1), r.path("eval_count").asLong(-1), System.nanoTime() - start);
        }
        StringBuilder text = new StringBuilder();
        JsonNode last = null;
        try (Stream<String> lines = http.postLines("/api/generate", body)) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isBlank()) {
                    continue;
                }
                JsonNode chunk = http.parse(line, "/api/generate");
                if (chunk.has("error")) {
                    throw http.unavailable("/api/generate", "backend reported an error mid-stream", null);
                }
                String fragment = chunk.path("response").asText("");
                if (!fragment.isEmpty()) {
                    text.append(fragment);
                    chunks.accept(fragment);
                }
                last = chunk;
                if (chunk.path("done").asBoolean(false)) {
                    break;
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw http.unavailable("/api/generate", "stream broke: " + e.getCause().getClass().getSimpleName(), e);
        }
        if (last == null || !last.path("done").asBoolean(false)) {
            throw http.unavailable("/api/generate", "stream ended without done:true", null);
        }
        return new InferenceResult(text.toString(), last.path("model").asText(request.model()),
                last.path("prompt_eval_count").asLong(-1), last.path("eval_count").asLong(-1), System.nanoTime() - start);
    }
}

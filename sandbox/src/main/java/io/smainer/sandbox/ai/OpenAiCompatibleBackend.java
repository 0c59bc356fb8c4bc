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
 * OpenAI-compatible servers (llama.cpp server, vLLM): {@code POST /v1/chat/completions} with one user
 * message; streaming is Server-Sent Events ({@code data: {...}} with {@code choices[0].delta.content},
 * usage in the last chunk when {@code stream_options.include_usage} is honoured, then {@code data: [DONE]}).
 * Models from {@code GET /v1/models}.
 */
public final class OpenAiCompatibleBackend implements InferenceBackend {
    public static final String CONFIG_KEY = "SMAINER_OPENAI_BASE_URL";

    private final BackendHttp http;

    public OpenAiCompatibleBackend(URI baseUrl, Duration timeout) {
        this.http = new BackendHttp(baseUrl, timeout, CONFIG_KEY);
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public List<String> listModels() throws SandboxException {
        try {
            List<String> ids = new ArrayList<>();
            for (JsonNode m : http.get("/v1/models").path("data")) {
                ids.add(m.path("id").asText());
            }
            return ids;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw http.unavailable("/v1/models", "interrupted", e);
        }
    }

    @Override
    public InferenceResult generate(InferenceRequest request, Consumer<String> chunks)
            throws SandboxException, InterruptedException {
        long start = System.nanoTime();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", request.model());
        // Ordered: Map.of iterates in a per-JVM random order, and the wire body should not change between runs.
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "user");
        message.put("content", request.prompt());
        body.put("messages", List.of(message));
        body.put("max_tokens", request.maxTokens());
        body.put("stream", chunks != null);
        if (chunks == null) {
            JsonNode r = http.postJson("/v1/chat/completions", body);
            JsonNode usage = r.path("usage");
            return new InferenceResult(r.path("choices").path(0).path("message").path("content").asText(""),
                    r.path("model").asText(request.model()), usage.path("prompt_tokens").asLong(-1),
                    usage.path("completion_tokens").asLong(-1), System.nanoTime() - start);
        }
        body.put("stream_options", Map.of("include_usage", true));
        StringBuilder text = new StringBuilder();
        JsonNode usage = null;
        String model = request.model();
        boolean done = false;
        try (Stream<String> lines = http.postLines("/v1/chat/completions", body)) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (!line.startsWith("data:")) {
                    continue; // blank separators, ": keep-alive" comments, event: lines
                }
                String data = line.substring(5).trim();
                if (data.equals("[DONE]")) {
                    done = true;
                    break;
                }
                JsonNode chunk = http.parse(data, "/v1/chat/completions");
                model = chunk.path("model").asText(model);
                String fragment = chunk.path("choices").path(0).path("delta").path("content").asText("");
                if (!fragment.isEmpty()) {
                    text.append(fragment);
                    chunks.accept(fragment);
                }
                if (chunk.hasNonNull("usage")) {
                    usage = chunk.get("usage");
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw http.unavailable("/v1/chat/completions", "stream broke: " + e.getCause().getClass().getSimpleName(), e);
        }
        if (!done) {
            throw http.unavailable("/v1/chat/completions", "stream ended without data: [DONE]", null);
        }
        return new InferenceResult(text.toString(), model, usage == null ? -1 : usage.path("prompt_tokens").asLong(-1),
                usage == null ? -1 : usage.path("completion_tokens").asLong(-1), System.nanoTime() - start);
    }
}

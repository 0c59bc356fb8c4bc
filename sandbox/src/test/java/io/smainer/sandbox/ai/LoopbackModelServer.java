package io.smainer.sandbox.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on 127.0.0.1 speaking the Ollama and OpenAI wire formats: JSON bodies, NDJSON and
 * SSE streams sent as HTTP/1.1 chunked transfer, one flush per token like the real servers. Records
 * every request body so tests assert exactly what the client sent. Shared with the daemon's tests through
 * the sandbox test-jar.
 */
public final class LoopbackModelServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    public final List<String> paths = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    public volatile int failStatus;

    public LoopbackModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/tags", ex -> json(ex, """
                {"models":[{"name":"llama3.1:8b","model":"llama3.1:8b","size":4920753328,
                "details":{"family":"llama","parameter_size":"8.0B","quantization_level":"Q4_K_M"}},
                {"name":"qwen2.5:0.5b","model":"qwen2.5:0.5b","size":397821319}]}"""));
        server.createContext("/v1/models", ex -> json(ex, """
                {"object":"list","data":[{"id":"qwen2.5-0.5b-instruct","object":"model","created":1700000000,
                "owned_by":"llamacpp"},{"id":"mistral-7b","object":"model","created":1700000000,"owned_by":"vllm"}]}"""));
        server.createContext("/api/generate", this::ollamaGenerate);
        server.createContext("/v1/chat/completions", this::openAiChat);
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private JsonNode record(HttpExchange ex) throws IOException {
        JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
        requests.add(body);
        paths.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
        return body;
    }

    private void ollamaGenerate(HttpExchange ex) throws IOException {
        JsonNode req = record(ex);
        if (failStatus != 0) {
            send(ex, failStatus, "{\"error\":\"model 'nope' not found\"}");
            return;
        }
        if (!req.path("stream").asBoolean(true)) {
            json(ex, "{\"model\":\"" + req.path("model").asText() + "\",\"created_at\":\"2024-07-22T20:04:55Z\","
                    + "\"response\":\"Paris is the capital.\",\"done\":true,\"done_reason\":\"stop\",\"context\":[1,2,3],"
                    + "\"total_duration\":5043500667,\"load_duration\":5025959,\"prompt_eval_count\":26,"
                    + "\"prompt_eval_duration\":325953000,\"eval_count\":6,\"eval_duration\":4709213000}");
            return;
        }
        ex.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            for (String token : List.of("Paris", " is", " the", " capital.")) {
                chunk(out, "{\"model\":\"llama3.1:8b\",\"created_at\":\"2024-07-22T20:04:55Z\",\"response\":\""
                        + token + "\",\"done\":false}\n");
            }
            chunk(out, "{\"model\":\"llama3.1:8b\",\"created_at\":\"2024-07-22T20:04:56Z\",\"response\":\"\",\"done\":true,"
                    + "\"done_reason\":\"stop\",\"context\":[1,2],\"total_duration\":10706818083,\"prompt_eval_count\":26,"
                    + "\"eval_count\":4,\"eval_duration\":10000000}\n");
        }
    }

    private void openAiChat(HttpExchange ex) throws IOException {
        JsonNode req = record(ex);
        String model = req.path("model").asText();
        if (!req.path("stream").asBoolean(false)) {
            json(ex, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"" + model
                    + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Paris.\"},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,"
                    + "\"total_tokens\":15}}");
            return;
        }
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            String head = "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                    + model + "\",\"choices\":[{\"index\":0,\"delta\":";
            chunk(out, "data: " + head + "{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
            chunk(out, ": keep-alive\n\n");
            for (String token : List.of("Par", "is", ".")) {
                chunk(out, "data: " + head + "{\"content\":\"" + token + "\"},\"finish_reason\":null}]}\n\n");
            }
            chunk(out, "data: " + head + "{},\"finish_reason\":\"stop\"}]}\n\n");
            chunk(out, "data: {\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                    + model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}\n\n");
            chunk(out, "data: [DONE]\n\n");
        }
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void json(HttpExchange ex, String body) throws IOException {
        send(ex, 200, body);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

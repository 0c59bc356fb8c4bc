package io.smainer.relayer.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** REST calls against a running relayer with its API key (keep-alive HTTP/1.1). */
public final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String base;
    private final String apiKey;

    /** One answer: status and the JSON body. */
    public record Answer(int status, JsonNode body) {}

    public ApiClient(int port, String apiKey) {
        this.base = "http://127.0.0.1:" + port + "/api/v1";
        this.apiKey = apiKey;
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + apiKey).GET());
    }

    public Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", apiKey)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.body().length == 0 ? null : mapper.readTree(r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return base;
    }

    /** Submits a task whose final callback goes to {@code callbackUrl} (null: none); returns the task id. */
    public String submit(String prompt, String callbackUrl) {
        String cb = callbackUrl == null ? "" : ",\"complete_callback_url\":\"" + callbackUrl + "\"";
        Answer a = post("/tasks", "{\"payload\":{\"type\":\"ai_inference\",\"model\":\"llama3.1:8b\",\"prompt\":\"" + prompt
                + "\",\"chat_id\":42" + cb + "},\"token_amount\":\"1000\"}");
        if (a.status() != 201) {
            throw new AssertionError("submit answered " + a.status() + ": " + a.body());
        }
        return a.body().get("task_id").asText();
    }
}

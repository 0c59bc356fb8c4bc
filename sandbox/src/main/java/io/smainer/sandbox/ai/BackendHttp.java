package io.smainer.sandbox.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.sandbox.SandboxException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * HTTP plumbing shared by the backends: JSON in and out, loopback-only base URL, and the mapping of
 * transport failures and 5xx to {@code BACKEND_UNAVAILABLE}, 4xx to {@code INVALID_PAYLOAD}. Error text
 * carries the URL path and status, never request or response bodies (they hold prompts and answers).
 */
final class BackendHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI base;
    private final Duration timeout;
    private final String configKey;

    BackendHttp(URI base, Duration timeout, String configKey) {
        this.base = requireLoopback(base, configKey);
        this.timeout = timeout;
        this.configKey = configKey;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    private static URI requireLoopback(URI base, String key) {
        try {
            if (base.getHost() == null || !InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException(key + "=" + base + " must point at a loopback address: prompts"
                        + " never leave this host (e.g. http://127.0.0.1:11434)");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(key + "=" + base + ": unknown host", e);
        }
        return base;
    }

    URI base() {
        return base;
    }

    JsonNode get(String path) throws SandboxException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(), path);
        return parse(response.body(), path);
    }

    JsonNode postJson(String path, Object body) throws SandboxException, InterruptedException {
        HttpResponse<String> response = send(post(path, body), HttpResponse.BodyHandlers.ofString(), path);
        return parse(response.body(), path);
    }

    Stream<String> postLines(String path, Object body) throws SandboxException, InterruptedException {
        return send(post(path, body), HttpResponse.BodyHandlers.ofLines(), path).body();
    }

    private HttpRequest post(String path, Object body) throws SandboxException {
        try {
            return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            throw new SandboxException("backend request for " + path + " could not be encoded", e);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String path)
            throws SandboxException, InterruptedException {
        HttpResponse<T> response;
        try {
            response = client.send(request, handler);
        } catch (IOException e) {
            throw unavailable(path, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw unavailable(path, "HTTP " + status, null);
        }
        if (status >= 400) {
            throw new SandboxException(TaskErrorCode.INVALID_PAYLOAD, "backend " + base + " rejected " + path + " with HTTP "
                    + status + " (unknown model or bad request)", null);
        }
        return response;
    }

    SandboxException unavailable(String path, String why, Throwable cause) {
        return new SandboxException(TaskErrorCode.BACKEND_UNAVAILABLE, "backend " + base + path + " unavailable: " + why
                + ". Fix: start the model server or correct " + configKey, cause);
    }

    JsonNode parse(String text, String path) throws SandboxException {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw unavailable(path, "response is not JSON", e);
        }
    }
}

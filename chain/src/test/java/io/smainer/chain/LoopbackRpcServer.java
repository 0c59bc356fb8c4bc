package io.smainer.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A Starknet JSON-RPC endpoint on loopback for tests: each method answers from a queue of scripted
 * results (or errors) in RPC 0.10 shapes, and every request is recorded for assertions. Speaks the real
 * wire format over a real socket, so starknet-jvm runs unmodified against it.
 */
final class LoopbackRpcServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Deque<Function<JsonNode, JsonNode>>> scripts = new HashMap<>();
    private final Map<String, Function<JsonNode, JsonNode>> defaults = new HashMap<>();
    final List<JsonNode> requests = new ArrayList<>();

    LoopbackRpcServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/rpc", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            byte[] body = JSON.writeValueAsBytes(answer(request));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/rpc";
    }

    /** Next answer of {@code method}: a result, or an error object built with {@link #error}. */
    synchronized LoopbackRpcServer then(String method, Function<JsonNode, JsonNode> answer) {
        scripts.computeIfAbsent(method, m -> new ArrayDeque<>()).add(answer);
        return this;
    }

    synchronized LoopbackRpcServer always(String method, Function<JsonNode, JsonNode> answer) {
        defaults.put(method, answer);
        return this;
    }

    synchronized List<String> methods() {
        return requests.stream().map(r -> r.get("method").asText()).toList();
    }

    synchronized JsonNode lastParams(String method) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).get("method").asText().equals(method)) {
                return requests.get(i).get("params");
            }
        }
        throw new AssertionError("no request " + method + " in " + methods());
    }

    private synchronized JsonNode answer(JsonNode request) {
        requests.add(request);
        String method = request.get("method").asText();
        Deque<Function<JsonNode, JsonNode>> queue = scripts.get(method);
        Function<JsonNode, JsonNode> f = queue != null && !queue.isEmpty() ? queue.poll() : defaults.get(method);
        ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", request.get("id"));
        if (f == null) {
            response.set("error", errorBody(-32601, "Method not found"));
            return response;
        }
        JsonNode out = f.apply(request.get("params"));
        if (out.has("__error")) {
            response.set("error", out.get("__error"));
        } else {
            response.set("result", out);
        }
        return response;
    }

    static JsonNode error(int code, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.set("__error", errorBody(code, message));
        return n;
    }

    private static ObjectNode errorBody(int code, String message) {
        return JSON.createObjectNode().put("code", code).put("message", message);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

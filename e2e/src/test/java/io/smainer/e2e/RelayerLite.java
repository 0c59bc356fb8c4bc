package io.smainer.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.testkit.AppProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real relayer-lite ({@code io.smainer.relayer.RelayerLite}) as a process on an ephemeral port, with a small API client. */
public final class RelayerLite implements AutoCloseable {
    public static final String API_KEY = "e2e-test-api-key-0123456789abcdef";
    public static final String CALLBACK_SECRET = "e2e-test-callback-secret-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();

    private final AppProcess process;
    private final JsonNode endpoint;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RelayerLite(AppProcess process, JsonNode endpoint, Path dataDir) {
        this.process = process;
        this.endpoint = endpoint;
        this.dataDir = dataDir;
    }

    /**
     * Starts it on {@code dataDir} in devnet mode (embedded devnet). {@code payment}: require payment and on-chain node
     * keys (the defaults); false turns both off. {@code extra}: more flags.
     */
    public static RelayerLite start(Path dataDir, boolean payment, String... extra) throws IOException, InterruptedException {
        Files.createDirectories(dataDir.getParent());
        List<String> args = new ArrayList<>(List.of("--port", "0", "--data-dir", dataDir.toString(), "--api-key", API_KEY,
                "--callback-secret", CALLBACK_SECRET));
        if (!payment) {
            args.addAll(List.of("--require-payment=false", "--enforce-onchain-key=false"));
        }
        args.addAll(List.of(extra));
        AppProcess p = AppProcess.start("relayer-lite", "io.smainer.relayer.RelayerLite",
                dataDir.resolveSibling(dataDir.getFileName() + ".log"), List.of(), args, Map.of());
        try {
            p.awaitFile(dataDir.resolve("endpoint.json"), 90);
            return new RelayerLite(p, JSON.readTree(dataDir.resolve("endpoint.json").toFile()), dataDir);
        } catch (IOException | InterruptedException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    /** {@code http://127.0.0.1:PORT/api/v1}. */
    public String http() {
        return endpoint.get("http").asText();
    }

    /** {@code ws://127.0.0.1:PORT}. */
    public String ws() {
        return endpoint.get("ws").asText();
    }

    /** The embedded devnet's JSON-RPC endpoint. */
    public URI rpc() {
        return URI.create("http://127.0.0.1:" + endpoint.get("port").asInt() + "/rpc");
    }

    /** POST /tasks; returns the task id (fails with the answer unless 201). */
    public String submit(ObjectNode body) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/tasks", body);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST /tasks answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).get("task_id").asText();
    }

    /** POST of {@code body} to {@code path}, whatever the answer. */
    public HttpResponse<String> post(String path, ObjectNode body) throws IOException, InterruptedException {
        return send("POST", path, JSON.writeValueAsString(body));
    }

    /** Every task, oldest first, through {@code GET /tasks} pages of 500. */
    public List<JsonNode> allTasks() throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("/tasks?limit=500" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("tasks").forEach(all::add);
            JsonNode next = page.has("next_cursor") ? page.get("next_cursor") : page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asText();
        } while (cursor != null);
        return all;
    }

    public JsonNode task(String id) throws IOException, InterruptedException {
        return get("/tasks/" + id);
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", path, null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON-RPC call on the embedded devnet; returns {@code result}. */
    public JsonNode rpc(String method, JsonNode params) throws IOException, InterruptedException {
        ObjectNode req = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        req.set("params", params);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(rpc()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(req)))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(r.body());
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** The chain this relayer settles on, from {@code GET /chain}. */
    public io.smainer.chain.StarknetNetwork network() throws IOException, InterruptedException {
        JsonNode c = get("/chain");
        return new io.smainer.chain.StarknetNetwork(rpc(), io.smainer.protocol.stark.Felts.parse("escrow", c.get("escrow_address").asText()),
                io.smainer.protocol.stark.Felts.parse("strk", c.get("strk_address").asText()));
    }

    /** The HTTP port (also the WebSocket port). */
    public int port() {
        return endpoint.get("port").asInt();
    }

    /** kill -9. */
    public void kill9() throws InterruptedException {
        process.close();
    }

    public String log() throws IOException {
        return process.tail();
    }

    public Path logFile() {
        return process.logFile();
    }

    public boolean alive() {
        return process.alive();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}

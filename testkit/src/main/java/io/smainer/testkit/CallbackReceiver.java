package io.smainer.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.smainer.protocol.callback.CallbackSecret;
import io.smainer.protocol.callback.CallbackSignature;
import io.smainer.protocol.callback.CallbackVerdict;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * An integrator's callback endpoint on loopback, verifying every request with {@link CallbackSignature}
 * as the production bot does (401 on a bad signature). {@code statusFor} picks the answer per request
 * number, to drive retries.
 */
public final class CallbackReceiver implements AutoCloseable {
    /** One received callback. */
    public record Received(String path, String eventId, int attempt, CallbackVerdict verdict, byte[] raw, JsonNode body, long receivedNanos) {
        public String status() {
            return body.path("status").asText(null);
        }

        public String taskId() {
            return body.path("task_id").asText();
        }
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(4);
    private final CallbackSignature verifier;
    private final ObjectMapper mapper = new ObjectMapper();
    public final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile IntUnaryOperator statusFor = n -> 200;
    private volatile java.util.function.Consumer<Received> listener = r -> { };

    public CallbackReceiver(String secret) throws IOException {
        this.verifier = new CallbackSignature(CallbackSecret.of(secret), Clock.systemUTC());
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public CallbackReceiver answering(IntUnaryOperator statusForRequestNumber) {
        this.statusFor = statusForRequestNumber;
        return this;
    }

    /** Called on the receiver's threads with every recorded callback. */
    public CallbackReceiver onReceive(java.util.function.Consumer<Received> listener) {
        this.listener = listener;
        return this;
    }

    public List<Received> finals() {
        return received.stream().filter(r -> r.verdict().accepted() && isFinal(r.status())).toList();
    }

    static boolean isFinal(String status) {
        return "completed".equals(status) || "failed".equals(status) || "timeout".equals(status);
    }

    private void handle(HttpExchange ex) throws IOException {
        long now = System.nanoTime();
        byte[] raw;
        try (InputStream in = ex.getRequestBody()) {
            raw = in.readAllBytes();
        }
        CallbackVerdict verdict = verifier.verify(ex.getRequestHeaders().getFirst(CallbackSignature.TIMESTAMP_HEADER),
                ex.getRequestHeaders().getFirst(CallbackSignature.SIGNATURE_HEADER), raw);
        String attempt = ex.getRequestHeaders().getFirst(CallbackSignature.DELIVERY_ATTEMPT_HEADER);
        JsonNode body = mapper.readTree(raw);
        int n = requests.incrementAndGet();
        int status = verdict.accepted() ? statusFor.applyAsInt(n) : 401;
        if (status >= 200 && status < 300 || !verdict.accepted()) {
            received.add(new Received(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst(CallbackSignature.EVENT_ID_HEADER),
                    attempt == null ? 0 : Integer.parseInt(attempt), verdict, raw, body, now));
            listener.accept(received.get(received.size() - 1));
        }
        byte[] answer = (status == 200 ? "{\"ok\":true}" : verdict.accepted() ? "{\"error\":\"retry\"}"
                : "{\"error\":\"invalid_signature\"}").getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, answer.length);
        ex.getResponseBody().write(answer);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package io.smainer.relayer.callback;

import io.smainer.protocol.SmainerVersion;
import io.smainer.protocol.callback.CallbackSignature;
import io.smainer.protocol.callback.SignedCallback;
import io.smainer.protocol.wire.Frames;
import io.smainer.relayer.store.CallbackEvent;
import io.smainer.relayer.store.DeliveryAttempt;
import io.smainer.relayer.store.TaskStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox worker: delivers callback events at least once, in order per task (an assigned event
 * still waiting when the final one arrives is superseded), with HMAC headers signed per attempt,
 * {@code X-Smainer-Event-Id} stable across retries and {@code X-Smainer-Delivery-Attempt} counting up.
 * Every attempt is logged in the store. State lives on one thread ({@code timer}); HTTP runs on the
 * client's own executor. Redirects are never followed.
 */
public final class CallbackDispatcher implements CallbackQueue, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final int MAX_IN_FLIGHT = 512;
    /**
     * Concurrent requests to one receiver (scheme, host, port). Without it a burst of results opened
     * hundreds of connections to one bot at once; its accept backlog overflowed and callbacks failed
     * with connect timeouts, then waited for their retries. Keep-alive connections are reused instead.
     */
    static final int MAX_IN_FLIGHT_PER_ORIGIN = 32;
    /** The transport's limit for one request, from its start until the response ended. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final CallbackTransport client;
    private final CallbackSignature signer;
    private final TaskStore store;
    private final RetryPolicy retries;
    private final Clock clock;
    private final Duration resultTtl;
    private final ScheduledExecutorService timer;
    private final Map<String, ArrayDeque<Delivery>> perTask = new HashMap<>();
    private final Map<String, Origin> origins = new HashMap<>();
    private final Map<String, CompletableFuture<?>> streams = new HashMap<>();
    private final String userAgent = "smainer-relayer-lite/" + SmainerVersion.current();
    private int inFlight;

    /** One event on its way; mutable, touched on the timer thread only. */
    private static final class Delivery {
        final CallbackEvent event;
        final String url;
        final String origin;
        final byte[] body;
        int attempts;
        boolean sending;

        Delivery(CallbackEvent event, String url, byte[] body) {
            this.event = event;
            this.url = url;
            URI u = URI.create(url);
            this.origin = u.getScheme() + "://" + u.getHost() + ":" + u.getPort();
            this.body = body;
            this.attempts = event.attempts();
        }
    }

    /** Deliveries due for one receiver and how many requests to it are open. */
    private static final class Origin {
        final ArrayDeque<Delivery> ready = new ArrayDeque<>();
        int inFlight;
    }

    public CallbackDispatcher(CallbackTransport client, CallbackSignature signer, TaskStore store, RetryPolicy retries,
                              Clock clock, Duration resultTtl, ScheduledExecutorService timer) {
        this.client = client;
        this.signer = signer;
        this.store = store;
        this.retries = retries;
        this.clock = clock;
        this.resultTtl = resultTtl;
        this.timer = timer;
    }

    @Override
    public void enqueue(CallbackEvent event, String url, byte[] body) {
        timer.execute(() -> {
            ArrayDeque<Delivery> q = perTask.computeIfAbsent(event.taskId(), k -> new ArrayDeque<>());
            q.removeIf(d -> !d.sending && (d.event.eventId().equals(event.eventId())
                    || (event.kind() == CallbackEvent.Kind.FINAL && d.event.kind() == CallbackEvent.Kind.ASSIGNED)));
            q.add(new Delivery(event, url, body));
            if (q.size() == 1) {
                scheduleAt(q.peek(), event.nextAttemptAtMillis());
            }
        });
    }

    @Override
    public void stream(String taskId, String url, byte[] body) {
        timer.execute(() -> {
            CompletableFuture<?> previous = streams.getOrDefault(taskId, CompletableFuture.completedFuture(null));
            CompletableFuture<?> next = previous.handle((v, e) -> null)
                    .thenCompose(v -> post(url, body, Frames.newEventId(), 1))
                    .whenComplete((status, e) -> {
                        if (e != null || status < 200 || status > 299) {
                            log.debug("stream chunk of task {} not accepted (status {})", taskId, status);
                        }
                    });
            streams.put(taskId, next);
            next.whenCompleteAsync((v, e) -> streams.remove(taskId, next), timer);
        });
    }

    private void scheduleAt(Delivery d, long atMillis) {
        long delay = Math.max(0, atMillis - clock.millis());
        if (delay == 0) {
            ready(d);
        } else {
            timer.schedule(() -> ready(d), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void ready(Delivery d) {
        Origin o = origins.computeIfAbsent(d.origin, k -> new Origin());
        o.ready.add(d);
        pump(o);
    }

    private void pump(Origin o) {
        while (inFlight < MAX_IN_FLIGHT && o.inFlight < MAX_IN_FLIGHT_PER_ORIGIN && !o.ready.isEmpty()) {
            Delivery d = o.ready.poll();
            ArrayDeque<Delivery> q = perTask.get(d.event.taskId());
            if (q == null || q.peek() != d) {
                continue; // superseded or replaced while waiting
            }
            d.sending = true;
            d.attempts++;
            inFlight++;
            o.inFlight++;
            int attempt = d.attempts;
            post(d.url, d.body, d.event.eventId(), attempt)
                    .handle((status, e) -> e == null ? Outcome.of(status) : Outcome.failed(e))
                    .thenAcceptAsync(outcome -> finished(d, attempt, outcome), timer);
        }
    }

    private CompletableFuture<Integer> post(String url, byte[] body, String eventId, int attempt) {
        SignedCallback signed = signer.sign(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", userAgent);
        headers.put(CallbackSignature.TIMESTAMP_HEADER, signed.timestamp());
        headers.put(CallbackSignature.SIGNATURE_HEADER, signed.signature());
        headers.put(CallbackSignature.EVENT_ID_HEADER, eventId);
        headers.put(CallbackSignature.DELIVERY_ATTEMPT_HEADER, Integer.toString(attempt));
        try {
            return client.post(URI.create(url), headers, body);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void finished(Delivery d, int attempt, Outcome o) {
        boolean wasFull = inFlight >= MAX_IN_FLIGHT;
        inFlight--;
        Origin origin = origins.get(d.origin);
        origin.inFlight--;
        d.sending = false;
        long now = clock.millis();
        boolean retry = !o.ok() && RetryPolicy.isRetryable(o.status()) && retries.mayRetryAfter(attempt);
        CallbackEvent.State state = o.ok() ? CallbackEvent.State.DELIVERED
                : retry ? CallbackEvent.State.PENDING : CallbackEvent.State.FAILED;
        Long next = retry ? now + retries.delay(attempt).toMillis() : null;
        store.recordDelivery(new DeliveryAttempt(d.event.taskId(), d.event.eventId(), d.event.kind(), attempt, now,
                o.status(), o.error(), next), state, now + resultTtl.toMillis());
        if (!o.ok()) {
            log.info("callback {} of task {} attempt {}: {}{}", d.event.kind().wireName(), d.event.taskId(), attempt,
                    o.status() == null ? o.error() : "HTTP " + o.status(), retry ? ", retrying" : ", giving up");
        }
        ArrayDeque<Delivery> q = perTask.get(d.event.taskId());
        if (retry && q != null && q.peek() == d) {
            scheduleAt(d, next);
        } else if (q != null) {
            q.remove(d);
            if (q.isEmpty()) {
                perTask.remove(d.event.taskId());
            } else {
                scheduleAt(q.peek(), q.peek().event.nextAttemptAtMillis());
            }
        }
        pump(origin);
        if (wasFull) {
            origins.values().forEach(this::pump);
        }
        if (origin.inFlight == 0 && origin.ready.isEmpty()) {
            origins.remove(d.origin);
        }
    }

    /** Outstanding deliveries, for tests and shutdown logs. */
    public CompletableFuture<Integer> pending() {
        return CompletableFuture.supplyAsync(() -> perTask.values().stream().mapToInt(ArrayDeque::size).sum(), timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        client.close();
    }

    /** The result of one HTTP attempt: a status, or a short error name (never a body). */
    private record Outcome(Integer status, String error) {
        static Outcome of(int status) {
            return new Outcome(status, null);
        }

        static Outcome failed(Throwable e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Outcome(null, cause.getClass().getSimpleName());
        }

        boolean ok() {
            return status != null && status >= 200 && status <= 299;
        }
    }
}

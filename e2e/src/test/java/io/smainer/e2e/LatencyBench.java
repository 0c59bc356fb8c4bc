package io.smainer.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.testkit.CallbackReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * bench/e2e-latency: submit → final callback for a trivial sandboxed CUSTOM {@code sh} task on loopback, one task at a
 * time, against a real relayer-lite (no payment) and a real daemon process. Prints p50/p90/p99/max and a breakdown from
 * the task view's timestamps (ms resolution): POST round trip, created → assigned (schedule + dispatch), execution_time
 * as the daemon reports it (sandbox), and completion → callback received (result verify + store + callback).
 *
 * <p>Usage: {@code LatencyBench [tasks=200] [warmup=30]}.
 */
public final class LatencyBench {
    private LatencyBench() {}

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dir = Files.createTempDirectory("smainer-e2e-latency");
        ConcurrentHashMap<String, CompletableFuture<CallbackReceiver.Received>> waiting = new ConcurrentHashMap<>();
        try (RelayerLite relayer = RelayerLite.start(dir.resolve("relayer"), false);
             CallbackReceiver receiver = new CallbackReceiver(RelayerLite.CALLBACK_SECRET)) {
            receiver.onReceive(r -> {
                if (r.verdict().accepted() && ("completed".equals(r.status()) || "failed".equals(r.status()) || "timeout".equals(r.status()))) {
                    waiting.computeIfAbsent(r.taskId(), k -> new CompletableFuture<>()).complete(r);
                }
            });
            var key = Keys.random();
            try (Daemon daemon = Daemon.start(relayer.ws(), dir.resolve("daemon-state"), Keys.randomAddress(),
                    io.smainer.protocol.stark.Felts.toHex(key.value()))) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!daemon.registered()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("daemon not registered:\n" + daemon.log());
                    }
                    Thread.sleep(100);
                }
                double[] total = new double[tasks];
                double[] post = new double[tasks];
                double[] schedule = new double[tasks];
                double[] exec = new double[tasks];
                double[] callback = new double[tasks];
                List<String> failures = new ArrayList<>();
                for (int i = -warmup; i < tasks; i++) {
                    ObjectNode payload = RelayerLite.JSON.createObjectNode().put("task_type", "CUSTOM").put("runtime", "sh")
                            .put("code", "echo ok").put("complete_callback_url", receiver.url("/callback/complete"));
                    ObjectNode body = RelayerLite.JSON.createObjectNode();
                    body.set("payload", payload);
                    long t0 = System.nanoTime();
                    String id = relayer.submit(body);
                    long t1 = System.nanoTime();
                    CallbackReceiver.Received r = waiting.computeIfAbsent(id, k -> new CompletableFuture<>()).get(60, TimeUnit.SECONDS);
                    long received = r.receivedNanos();
                    long receivedWall = System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - received);
                    if (!"completed".equals(r.status())) {
                        failures.add(id + " " + r.status());
                    }
                    if (i < 0) {
                        continue;
                    }
                    JsonNode v = relayer.task(id);
                    total[i] = (received - t0) / 1e6;
                    post[i] = (t1 - t0) / 1e6;
                    long created = millis(v.path("created_at").asText());
                    long assigned = millis(v.path("assigned_at").asText());
                    long completed = millis(v.path("completion_time").asText());
                    schedule[i] = assigned - created;
                    exec[i] = v.path("execution_time").asDouble() * 1000;
                    callback[i] = receivedWall - completed;
                }
                System.out.printf(Locale.ROOT, "e2e latency: %d tasks (after %d warm-up), one at a time, CUSTOM sh 'echo ok' in the sandbox%n",
                        tasks, warmup);
                System.out.printf(Locale.ROOT, "%-40s %8s %8s %8s %8s%n", "ms", "p50", "p90", "p99", "max");
                row("submit -> final callback (total)", total);
                row("  POST /tasks round trip", post);
                row("  created -> assigned (schedule+dispatch)", schedule);
                row("  execution_time (daemon: sandbox)", exec);
                row("  completion -> callback received", callback);
                if (!failures.isEmpty()) {
                    System.out.println("NOT completed: " + failures);
                    System.exit(1);
                }
            }
        }
        System.exit(0);
    }

    private static void row(String name, double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-40s %8.1f %8.1f %8.1f %8.1f%n", name, pct(s, 50), pct(s, 90), pct(s, 99), s[s.length - 1]);
    }

    private static double pct(double[] sorted, double p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static long millis(String t) {
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (RuntimeException e) {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
    }
}

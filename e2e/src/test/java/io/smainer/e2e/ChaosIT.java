package io.smainer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, chaos: during a 500-task run, kill -9 and restart the relayer twice and one daemon once, and black-hole
 * another daemon's connection for 2 minutes (a TCP proxy that stops forwarding, no FIN/RST) → every task ends final,
 * and no task gets final callbacks with two different event ids or two different outcomes. Payment is off (500 escrows
 * would dominate the run); the paid path is LifecycleIT's.
 */
@Tag("e2e")
@Tag("slow")
class ChaosIT {
    private static final int TASKS = 500;
    private static final Set<String> FINAL = Set.of("completed", "failed", "timeout");

    @TempDir
    Path dir;

    private volatile RelayerLite relayer;

    @Test
    void everyTaskEndsFinalOnceThroughRelayerAndDaemonCrashesAndABlackHole() throws Exception {
        Path data = dir.resolve("relayer");
        List<BlackHoleProxy> proxies = new ArrayList<>();
        List<Daemon> daemons = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        List<String> tasks = new CopyOnWriteArrayList<>();
        relayer = RelayerLite.start(data, false);
        try (CallbackReceiver receiver = new CallbackReceiver(RelayerLite.CALLBACK_SECRET)) {
            try {
                for (int i = 0; i < 3; i++) {
                    proxies.add(new BlackHoleProxy(relayer.port()));
                    keys.add(io.smainer.protocol.stark.Felts.toHex(Keys.random().value()));
                    addresses.add(Keys.randomAddress());
                    daemons.add(startDaemon(proxies.get(i), i, addresses.get(i), keys.get(i)));
                }
                awaitUntil(() -> daemons.stream().allMatch(Daemon::registered), 60, "daemons registered");

                Thread submitter = new Thread(() -> {
                    for (int i = 0; i < TASKS; i++) {
                        ObjectNode payload = RelayerLite.JSON.createObjectNode().put("task_type", "HASH").put("data", "chaos-" + i)
                                .put("complete_callback_url", receiver.url("/callback/complete"));
                        ObjectNode body = RelayerLite.JSON.createObjectNode();
                        body.set("payload", payload);
                        while (true) {
                            try {
                                tasks.add(relayer.submit(body));
                                break;
                            } catch (Exception e) {
                                sleep(200); // relayer down or restarting: retry (an unanswered accept may leave an extra task)
                            }
                        }
                        sleep(250);
                    }
                }, "chaos-submitter");
                submitter.start();

                sleep(10_000);
                restartRelayer(data, proxies);
                sleep(5_000);
                proxies.get(0).blackHoleAll();
                long blackHoleStart = System.nanoTime();
                sleep(20_000);
                daemons.get(1).close(); // kill -9
                daemons.set(1, startDaemon(proxies.get(1), 1, addresses.get(1), keys.get(1)));
                sleep(25_000);
                restartRelayer(data, proxies);
                sleep(Math.max(0, 120_000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - blackHoleStart)));
                proxies.get(0).restoreForNewConnections();
                submitter.join(TimeUnit.MINUTES.toMillis(3));
                assertThat(submitter.isAlive()).isFalse();
                assertThat(tasks).hasSize(TASKS);

                awaitUntil(() -> tasks.stream().allMatch(t -> {
                    try {
                        return FINAL.contains(relayer.task(t).path("status").asText());
                    } catch (Exception e) {
                        return false;
                    }
                }), 180, "every task final");
                awaitUntil(() -> receiver.finals().stream().map(CallbackReceiver.Received::taskId).collect(Collectors.toSet())
                        .containsAll(tasks), 120, "a final callback for every task");

                Map<String, Integer> statuses = new TreeMap<>();
                for (String t : tasks) {
                    statuses.merge(relayer.task(t).path("status").asText(), 1, Integer::sum);
                }
                Map<String, List<CallbackReceiver.Received>> byTask = receiver.finals().stream()
                        .collect(Collectors.groupingBy(CallbackReceiver.Received::taskId));
                for (String t : tasks) {
                    List<CallbackReceiver.Received> finals = byTask.get(t);
                    assertThat(finals.stream().map(CallbackReceiver.Received::eventId).distinct().toList())
                            .as("final event ids of " + t).hasSize(1).doesNotContainNull();
                    assertThat(finals.stream().map(CallbackReceiver.Received::status).distinct().toList())
                            .as("final outcomes of " + t).hasSize(1);
                }
                assertThat(receiver.received).allMatch(r -> r.verdict().accepted());
                assertThat(statuses.getOrDefault("completed", 0)).as("statuses " + statuses).isGreaterThan(TASKS / 2);
                System.out.println("ChaosIT statuses: " + statuses + ", callbacks received: " + receiver.received.size());
            } catch (Throwable t) {
                StringBuilder logs = new StringBuilder("\n---- relayer ----\n").append(relayer.log());
                for (Daemon d : daemons) {
                    logs.append("\n---- daemon ").append(d.stateDir()).append(" ----\n").append(d.log());
                }
                throw new AssertionError(t.getMessage() + logs, t);
            } finally {
                for (Daemon d : daemons) {
                    d.close();
                }
                relayer.close();
                for (BlackHoleProxy p : proxies) {
                    p.close();
                }
            }
        }
    }

    private void restartRelayer(Path data, List<BlackHoleProxy> proxies) throws Exception {
        relayer.kill9();
        Files.deleteIfExists(data.resolve("endpoint.json")); // a kill -9 leaves it behind
        relayer = RelayerLite.start(data, false);
        for (BlackHoleProxy p : proxies) {
            p.upstream(relayer.port());
        }
    }

    private Daemon startDaemon(BlackHoleProxy proxy, int i, String address, String key) throws Exception {
        Path state = dir.resolve("daemon-" + i);
        Files.deleteIfExists(state.resolve("status.json")); // a kill -9 leaves it behind
        return Daemon.start("ws://127.0.0.1:" + proxy.port(), state, address, key);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void awaitUntil(Check check, long seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(500);
        }
    }
}

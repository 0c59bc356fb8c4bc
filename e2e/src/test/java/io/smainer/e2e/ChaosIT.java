package io.smainer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.chain.StarknetNetwork;
import io.smainer.chain.TaskAudit;
import io.smainer.testkit.BlackHoleProxy;
import io.smainer.testkit.CallbackReceiver;
import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, chaos, with payment on: the demander escrows 500 HASH tasks on the embedded devnet (batched multicalls),
 * every 50th with a payload the daemon must refuse, and submits each with its escrow id; during the run the relayer
 * is killed -9 and restarted twice, one daemon once, and another daemon's connection is black-holed for 2 minutes (a
 * TCP proxy that stops forwarding, no FIN/RST). Then: every task ends final with its settlement closed; each escrow
 * backs exactly one task; no task gets final callbacks with two event ids or two outcomes; and from the escrow events
 * ({@link PaymentTruth}) no escrow is settled twice, every payout is for a verified, correct result the demander
 * received, paid to the provider whose node ran it, and every unpaid escrow is the demander's to take back — which it
 * does (cancel, or refund after the claim window), leaving the escrow contract empty.
 */
@Tag("e2e")
@Tag("chaos")
class ChaosIT {
    private static final int TASKS = 500;
    /** Odd, so the fee split's rounding dust is exercised on every payout. */
    private static final BigInteger AMOUNT = new BigInteger("1000000000000007");
    private static final Set<String> FINAL = Set.of("completed", "failed", "timeout", "settled");
    private static final Set<String> SETTLEMENT_OPEN = Set.of("pending", "submitted");
    /** Every 50th task has a payload the daemon refuses: failed tasks whose escrows must go back unpaid. */
    private static final int INVALID_EVERY = 50;

    @TempDir
    Path dir;

    private volatile RelayerLite relayer;
    private final List<BlackHoleProxy> proxies = new ArrayList<>();
    private final List<Daemon> daemons = new ArrayList<>();
    private final List<Keys.Provider> providers = new ArrayList<>();

    @Test
    void everyTaskEndsFinalAndPaidAtMostOnceForAVerifiedResultThroughCrashesAndABlackHole() throws Exception {
        Path data = dir.resolve("relayer");
        relayer = RelayerLite.start(data, true);
        try (CallbackReceiver receiver = new CallbackReceiver(RelayerLite.CALLBACK_SECRET)) {
            try {
                StarknetNetwork network = relayer.network();
                Keys.Provider demander = Keys.predeployed(relayer, "user");
                HashTasks work = new HashTasks(TASKS, "chaos-", INVALID_EVERY);
                List<BigInteger> escrows = new EscrowBatch(network, demander).create(AMOUNT, work.taskHashes(), 50);
                Map<String, BigInteger> providerByNode = startDaemons(network);
                Set<BigInteger> payees = new HashSet<>(providerByNode.values());
                payees.add(Keys.predeployed(relayer, "treasury").address());
                Map<BigInteger, BigInteger> balancesBefore = new PaymentTruth(network, AMOUNT).balances(payees);

                runChaos(data, receiver, work, escrows, demander.addressHex());

                Map<BigInteger, JsonNode> views = awaitAllFinal(escrows);
                Map<String, JsonNode> finals = assertCallbacks(receiver, views);
                assertPayments(views, finals, providerByNode, work, escrows, demander, balancesBefore);
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

    /** Three providers registered on chain, each daemon behind its own proxy; returns node id → provider address. */
    private Map<String, BigInteger> startDaemons(StarknetNetwork network) throws Exception {
        Map<String, BigInteger> byNode = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            proxies.add(new BlackHoleProxy(relayer.port()));
            providers.add(Keys.registeredProvider(network));
            daemons.add(startDaemon(i));
        }
        awaitUntil(() -> daemons.stream().allMatch(Daemon::registered), 60, "daemons registered (on-chain keys accepted)");
        for (int i = 0; i < 3; i++) {
            byNode.put(daemons.get(i).status().path("node_id").asText(), providers.get(i).address());
        }
        return byNode;
    }

    /** Submits every task (4 a second) while the relayer and a daemon crash and another daemon is black-holed. */
    private void runChaos(Path data, CallbackReceiver receiver, HashTasks work, List<BigInteger> escrows, String demander)
            throws Exception {
        AtomicReference<Throwable> submitFailure = new AtomicReference<>();
        Thread submitter = new Thread(() -> {
            try {
                for (int i = 0; i < TASKS; i++) {
                    ObjectNode payload = work.payload(i).put("complete_callback_url", receiver.url("/callback/complete"));
                    ObjectNode body = RelayerLite.JSON.createObjectNode();
                    body.set("payload", payload);
                    body.put("token_amount", AMOUNT);
                    body.put("on_chain_task_id", escrows.get(i));
                    body.put("demander_address", demander);
                    submitUntilAccepted(body);
                    sleep(250);
                }
            } catch (Throwable t) {
                submitFailure.set(t);
            }
        }, "chaos-submitter");
        submitter.start();

        sleep(10_000);
        restartRelayer(data);
        sleep(5_000);
        proxies.get(0).blackHoleAll();
        long blackHoleStart = System.nanoTime();
        sleep(20_000);
        daemons.get(1).close(); // kill -9
        daemons.set(1, startDaemon(1));
        sleep(25_000);
        restartRelayer(data);
        sleep(Math.max(0, 120_000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - blackHoleStart)));
        proxies.get(0).restoreForNewConnections();
        submitter.join(TimeUnit.MINUTES.toMillis(3));
        assertThat(submitter.isAlive()).isFalse();
        assertThat(submitFailure.get()).as("submitter").isNull();
    }

    /**
     * POST /tasks until the relayer takes it. A retry answered 409 (escrow already used) or 402 (escrow no longer
     * CREATED) means an earlier attempt was accepted but its answer lost in a crash; the listing later finds that task.
     */
    private void submitUntilAccepted(ObjectNode body) {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = relayer.post("/tasks", body);
                if (r.statusCode() == 201 || attempt > 1 && (r.statusCode() == 409 || r.statusCode() == 402)) {
                    return;
                }
                if (r.statusCode() < 500) {
                    throw new IllegalStateException("POST /tasks answered " + r.statusCode() + ": " + r.body());
                }
            } catch (IOException e) {
                // relayer down or restarting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
    }

    /** Waits until every task is final and its settlement closed; each escrow backs exactly one task. */
    private Map<BigInteger, JsonNode> awaitAllFinal(List<BigInteger> escrows) throws Exception {
        awaitUntil(() -> {
            List<JsonNode> all = relayer.allTasks();
            return all.size() >= TASKS && all.stream().allMatch(v -> FINAL.contains(v.path("status").asText())
                    && !SETTLEMENT_OPEN.contains(v.at("/settlement/status").asText()));
        }, 300, "every task final with its settlement closed");
        List<JsonNode> all = relayer.allTasks();
        Map<BigInteger, List<JsonNode>> byEscrow = all.stream()
                .collect(Collectors.groupingBy(v -> new BigInteger(v.path("on_chain_task_id").asText())));
        assertThat(all).as("tasks").hasSize(TASKS);
        assertThat(byEscrow.keySet()).as("escrows backing tasks").containsExactlyInAnyOrderElementsOf(escrows);
        Map<BigInteger, JsonNode> views = new TreeMap<>();
        byEscrow.forEach((id, tasks) -> {
            assertThat(tasks).as("tasks of escrow " + id).hasSize(1);
            views.put(id, tasks.get(0));
        });
        return views;
    }

    /** One final callback outcome and event id per task, all verified; returns the final body of each task. */
    private static Map<String, JsonNode> assertCallbacks(CallbackReceiver receiver, Map<BigInteger, JsonNode> views) throws Exception {
        Set<String> tasks = views.values().stream().map(v -> v.path("task_id").asText()).collect(Collectors.toSet());
        awaitUntil(() -> receiver.finals().stream().map(CallbackReceiver.Received::taskId).collect(Collectors.toSet())
                .containsAll(tasks), 120, "a final callback for every task");
        Map<String, List<CallbackReceiver.Received>> byTask = receiver.finals().stream()
                .collect(Collectors.groupingBy(CallbackReceiver.Received::taskId));
        Map<String, JsonNode> finals = new HashMap<>();
        for (JsonNode v : views.values()) {
            String t = v.path("task_id").asText();
            List<CallbackReceiver.Received> mine = byTask.get(t);
            assertThat(mine.stream().map(CallbackReceiver.Received::eventId).distinct().toList())
                    .as("final event ids of " + t).hasSize(1).doesNotContainNull();
            assertThat(mine.stream().map(CallbackReceiver.Received::status).distinct().toList())
                    .as("final outcomes of " + t).containsExactly("settled".equals(v.path("status").asText()) ? "completed"
                            : v.path("status").asText());
            finals.put(t, mine.get(0).body());
        }
        assertThat(receiver.received).allMatch(r -> r.verdict().accepted());
        System.out.println("ChaosIT callbacks received: " + receiver.received.size());
        return finals;
    }

    /** Payment truth from the escrow events, then the demander takes every unpaid escrow back: the escrow ends empty. */
    private void assertPayments(Map<BigInteger, JsonNode> views, Map<String, JsonNode> finals, Map<String, BigInteger> providerByNode,
                                HashTasks work, List<BigInteger> escrows, Keys.Provider demander,
                                Map<BigInteger, BigInteger> balancesBefore) throws Exception {
        PaymentTruth truth = new PaymentTruth(relayer.network(), AMOUNT);
        List<TaskAudit> settled = new ArrayList<>();
        List<TaskAudit> unpaid = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        truth.audit(views).forEach((id, a) -> {
            JsonNode view = views.get(id);
            int task = escrows.indexOf(id);
            if (!work.valid(task)) {
                assertThat(view.path("status").asText()).as("task " + task + ", an invalid payload").isEqualTo("failed");
            }
            outcomes.merge(view.path("status").asText() + "/" + view.at("/settlement/status").asText() + "/" + a.outcome(), 1,
                    Integer::sum);
            if (a.outcome() == TaskAudit.Outcome.SETTLED) {
                PaymentTruth.assertPaidForVerifiedResult(a, view, finals.get(view.path("task_id").asText()), providerByNode,
                        result -> work.wrongResult(task, result));
                settled.add(a);
            } else {
                PaymentTruth.assertUnpaid(a, view);
                unpaid.add(a);
            }
        });
        System.out.println("ChaosIT task/settlement/escrow outcomes: " + outcomes);
        assertThat(settled.size()).as("settled escrows " + outcomes).isGreaterThan(TASKS / 2);
        truth.assertBalancesMoved(balancesBefore, PaymentTruth.payees(settled));
        truth.assertEscrowHolds(unpaid.size());
        truth.takeBack(relayer, demander, unpaid);
        truth.assertEscrowHolds(0);
    }

    private void restartRelayer(Path data) throws Exception {
        relayer.kill9();
        Files.deleteIfExists(data.resolve("endpoint.json")); // a kill -9 leaves it behind
        relayer = RelayerLite.start(data, true);
        for (BlackHoleProxy p : proxies) {
            p.upstream(relayer.port());
        }
    }

    private Daemon startDaemon(int i) throws Exception {
        Path state = dir.resolve("daemon-" + i);
        Files.deleteIfExists(state.resolve("status.json")); // a kill -9 leaves it behind
        return Daemon.start("ws://127.0.0.1:" + proxies.get(i).port(), state, providers.get(i).addressHex(),
                providers.get(i).privateKeyHex());
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

    /** A check that throws (relayer restarting, chain busy) is not yet ok. */
    private static boolean okNow(Check check) {
        try {
            return check.ok();
        } catch (Exception e) {
            return false;
        }
    }

    private static void awaitUntil(Check check, long seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!okNow(check)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(1000);
        }
    }
}

package io.smainer.relayer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.smainer.relayer.testkit.ApiClient;
import io.smainer.testkit.CallbackReceiver;
import io.smainer.relayer.testkit.InProcessRelayer;
import io.smainer.relayer.testkit.RelayerProcess;
import io.smainer.relayer.testkit.SimNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 crash test: 1,000 tasks, {@code kill -9} of the relayer process mid-flight, restart on the same
 * data dir. Every accepted task reaches a final state, with exactly one final callback event per task
 * (a redelivery carries the same event id).
 */
@Tag("crash")
class CrashRecoveryIT {
    static final int TASKS = 1000;
    static final int NODES = 4;

    @TempDir
    Path tmp;

    @Test
    void killMinus9MidFlightLosesNoAcceptedTaskResultOrCallback() throws Exception {
        Path data = tmp.resolve("data");
        int port = RelayerProcess.freePort();
        EventLoopGroup clients = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        try (CallbackReceiver receiver = new CallbackReceiver(InProcessRelayer.CALLBACK_SECRET)) {
            RelayerProcess first = RelayerProcess.start(data, port, RelayerProcess.NO_CHAIN_RULES);
            List<SimNode> nodes = connect(clients, port, "a");
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService submitters = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            ApiClient api1 = new ApiClient(port, first.apiKey());
            for (int s = 0; s < 4; s++) {
                int lane = s;
                work.add(submitters.submit(() -> submitUntilKilled(api1, receiver, accepted, killed, lane)));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= TASKS * 2 / 5);
            first.kill9();
            killed.set(true);
            for (Future<?> f : work) {
                f.get();
            }
            nodes.forEach(SimNode::close);
            int beforeKill = accepted.size();

            try (RelayerProcess second = RelayerProcess.start(data, port, RelayerProcess.NO_CHAIN_RULES)) {
                ApiClient api2 = new ApiClient(port, second.apiKey());
                List<SimNode> again = connect(clients, port, "b");
                while (accepted.size() < TASKS) {
                    accepted.add(api2.submit("after-crash-" + accepted.size(), receiver.url("/cb")));
                }
                await().atMost(Duration.ofSeconds(120)).until(() -> finalTasks(receiver).containsAll(accepted));
                for (String id : accepted) {
                    String status = api2.get("/tasks/" + id).body().get("status").asText();
                    assertThat(status).as(id).isIn("completed", "failed", "timeout");
                }
                Map<String, Set<String>> eventIdsPerTask = new HashMap<>();
                for (CallbackReceiver.Received c : receiver.finals()) {
                    eventIdsPerTask.computeIfAbsent(c.taskId(), k -> new HashSet<>()).add(c.eventId());
                }
                eventIdsPerTask.forEach((task, events) -> assertThat(events).as("final event ids of " + task).hasSize(1));
                assertThat(beforeKill).isLessThan(TASKS);
                assertThat(receiver.received).allMatch(c -> c.verdict().accepted());
                again.forEach(SimNode::close);
                assertThat(second.terminate()).as("SIGTERM exit code").isZero();
            }
            submitters.shutdownNow();
        } finally {
            clients.shutdownGracefully().syncUninterruptibly();
        }
    }

    private static void submitUntilKilled(ApiClient api, CallbackReceiver receiver, Set<String> accepted, AtomicBoolean killed,
                                          int lane) {
        for (int i = 0; !killed.get() && accepted.size() < TASKS; i++) {
            try {
                accepted.add(api.submit("lane" + lane + "-" + i, receiver.url("/cb")));
            } catch (RuntimeException e) {
                return; // the relayer died under this request: not accepted, not counted
            }
        }
    }

    private static Set<String> finalTasks(CallbackReceiver receiver) {
        Set<String> ids = new HashSet<>();
        receiver.finals().forEach(c -> ids.add(c.taskId()));
        return ids;
    }

    private static List<SimNode> connect(EventLoopGroup clients, int port, String generation) throws InterruptedException {
        List<SimNode> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            SimNode n = SimNode.of("crash-" + generation + i).connect(clients, port).autoComplete(true);
            assertThat(n.register(8).success()).isTrue();
            nodes.add(n);
        }
        return nodes;
    }
}

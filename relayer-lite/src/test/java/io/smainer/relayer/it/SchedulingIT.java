package io.smainer.relayer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.TaskAssigned;
import io.smainer.protocol.wire.TaskCancel;
import io.smainer.protocol.wire.TaskFailed;
import io.smainer.testkit.CallbackReceiver;
import io.smainer.relayer.testkit.InProcessRelayer;
import io.smainer.relayer.testkit.SimNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-queueing, attempts, timeouts, fairness and callback retries, over real sockets. */
class SchedulingIT {
    @TempDir
    Path dir;
    InProcessRelayer r;
    CallbackReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        r = new InProcessRelayer(dir, b -> b.assignmentTimeout(Duration.ofSeconds(1)).maxAttempts(3));
        receiver = new CallbackReceiver(InProcessRelayer.CALLBACK_SECRET);
    }

    @AfterEach
    void stop() {
        receiver.close();
        r.close();
    }

    String status(String id) {
        return r.api.get("/tasks/" + id).body().get("status").asText();
    }

    @Test
    void disconnectAndRetryableFailureRequeueToAnotherNodeUntilAttemptsRunOut() throws Exception {
        SimNode a = r.node("node-a", 1);
        String id = r.api.submit("p", receiver.url("/cb"));
        assertThat(a.next(TaskAssigned.class, 10).taskId()).isEqualTo(id);
        a.close(); // attempt 1 lost with the node
        SimNode b = r.node("node-b", 1);
        TaskAssigned t2 = b.next(TaskAssigned.class, 10);
        assertThat(t2.taskId()).isEqualTo(id);
        assertThat(b.sendAndAwaitAck(new TaskFailed(Frames.newEventId(), Frames.now(), id, "BACKEND_UNAVAILABLE", "ollama down",
                null)).success()).isTrue();
        TaskAssigned t3 = b.next(TaskAssigned.class, 10); // attempt 3, the last
        assertThat(b.sendAndAwaitAck(new TaskFailed(Frames.newEventId(), Frames.now(), t3.taskId(), "CAPACITY", "busy",
                null)).success()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("failed"));
        assertThat(r.api.get("/tasks/" + id).body().get("error_message").asText()).contains("gave up after 3 attempts");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.finals().size() == 1);
        assertThat(receiver.finals().get(0).status()).isEqualTo("failed");
        b.close();
    }

    @Test
    void nonRetryableFailureIsFinal() throws Exception {
        SimNode a = r.node("node-f", 1);
        String id = r.api.submit("p", null);
        TaskAssigned t = a.next(TaskAssigned.class, 10);
        assertThat(a.sendAndAwaitAck(new TaskFailed(Frames.newEventId(), Frames.now(), t.taskId(), "INVALID_PAYLOAD",
                "no prompt", null)).success()).isTrue();
        assertThat(status(id)).isEqualTo("failed");
        assertThat(r.api.get("/tasks/" + id).body().get("error_message").asText()).isEqualTo("INVALID_PAYLOAD: no prompt");
        a.close();
    }

    @Test
    void aNodeThatNeverAnswersLosesTheTaskAfterTheAssignmentTimeout() throws Exception {
        SimNode hung = r.node("hung", 1).silent(true);
        String id = r.api.submit("p", null);
        assertThat(hung.next(TaskAssigned.class, 10).taskId()).isEqualTo(id);
        assertThat(hung.next(TaskCancel.class, 10).taskId()).isEqualTo(id);
        hung.close();
        SimNode good = r.node("good", 1).autoComplete(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("completed"));
        assertThat(r.api.get("/tasks/" + id).body().get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        good.close();
    }

    @Test
    void tasksTimeOutAfterMaxExecutionTimeAndTheNodeIsToldToCancel() throws Exception {
        SimNode slow = r.node("slow", 1);
        var a = r.api.post("/tasks", "{\"payload\":{\"task_type\":\"HASH\",\"complete_callback_url\":\""
                + receiver.url("/cb") + "\"},\"requirements\":{\"max_execution_time\":1}}");
        String id = a.body().get("task_id").asText();
        assertThat(slow.next(TaskAssigned.class, 10).timeoutSeconds()).isEqualTo(1);
        assertThat(slow.next(TaskCancel.class, 10).taskId()).isEqualTo(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("timeout"));
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.finals().size() == 1);
        assertThat(receiver.finals().get(0).status()).isEqualTo("timeout");
        slow.close();
    }

    @Test
    void workIsSpreadOverEveryEligibleNodeInSubmissionOrder() throws Exception {
        Map<String, AtomicInteger> perNode = new ConcurrentHashMap<>();
        SimNode[] nodes = new SimNode[3];
        for (int i = 0; i < nodes.length; i++) {
            String id = "fair-" + i;
            nodes[i] = r.node(id, 2).autoComplete(true).onAssigned(t -> perNode.computeIfAbsent(id, k -> new AtomicInteger())
                    .incrementAndGet());
        }
        String[] ids = new String[60];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = r.api.submit("fair" + i, null);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> r.api.get("/stats").body().get("tasks").get("by_state")
                .path("completed").asInt() == ids.length);
        assertThat(perNode).hasSize(3);
        perNode.values().forEach(c -> assertThat(c.get()).isBetween(10, 30));
        for (SimNode n : nodes) {
            n.close();
        }
    }

    @Test
    void callbacksAreRetriedWithTheSameEventIdAndCanBeRedelivered() throws Exception {
        receiver.answering(n -> n <= 3 ? 503 : 200); // assigned(1) fails, then it or the final fails twice more
        SimNode a = r.node("cb", 1).autoComplete(true);
        String id = r.api.submit("p", receiver.url("/cb"));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.finals().size() == 1);
        CallbackReceiver.Received fin = receiver.finals().get(0);
        var log = r.api.get("/tasks/" + id + "/callback").body();
        assertThat(log.get("state").asText()).isEqualTo("delivered");
        assertThat(log.get("attempts").size()).isGreaterThanOrEqualTo(4);
        assertThat(log.get("attempts").get(0).get("http_status").asInt()).isEqualTo(503);

        var again = r.api.post("/tasks/" + id + "/callback", "{\"complete_callback_url\":\"" + receiver.url("/other") + "\"}");
        assertThat(again.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.finals().size() == 2);
        CallbackReceiver.Received redelivered = receiver.finals().get(1);
        assertThat(redelivered.path()).isEqualTo("/other");
        assertThat(redelivered.eventId()).isEqualTo(fin.eventId());
        assertThat(redelivered.raw()).isEqualTo(fin.raw());
        a.close();
    }
}

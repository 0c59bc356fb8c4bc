package io.smainer.relayer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smainer.protocol.callback.CallbackVerdict;
import io.smainer.protocol.json.CanonicalJson;
import io.smainer.protocol.wire.Ack;
import io.smainer.protocol.wire.TaskAssigned;
import io.smainer.protocol.wire.TaskCompleted;
import io.smainer.relayer.testkit.ApiClient;
import io.smainer.testkit.CallbackReceiver;
import io.smainer.relayer.testkit.InProcessRelayer;
import io.smainer.relayer.testkit.SimNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole cycle over real sockets: submit → assign → signed result → ack → signed callbacks → retention. */
class TaskLifecycleIT {
    @TempDir
    Path dir;
    InProcessRelayer r;
    CallbackReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        r = new InProcessRelayer(dir, b -> b.resultTtl(Duration.ofSeconds(1)));
        receiver = new CallbackReceiver(InProcessRelayer.CALLBACK_SECRET);
    }

    @AfterEach
    void stop() {
        receiver.close();
        r.close();
    }

    @Test
    void taskRunsEndToEndWithAckedResultSignedCallbacksAndNoPayloadLeftOnDisk() throws Exception {
        SimNode node = SimNode.of("node-a").connect(r.clients, r.relayer.port());
        Ack registered = node.register(2);
        assertThat(registered.success()).isTrue();
        assertThat(registered.features()).contains(Ack.FEATURE_STREAM, Ack.FEATURE_TASK_CANCEL, Ack.FEATURE_RESULT_ACK);

        String secretPrompt = "SECRETPROMPT" + "q".repeat(30);
        String id = r.api.submit(secretPrompt, receiver.url("/api/callback/complete"));
        TaskAssigned assigned = node.next(TaskAssigned.class, 10);
        assertThat(assigned.taskId()).isEqualTo(id);
        assertThat(assigned.payload().get("prompt").asText()).isEqualTo(secretPrompt);
        assertThat(assigned.timeoutSeconds()).isEqualTo(300);

        TaskCompleted result = node.completion(assigned, CanonicalJson.parse("{\"text\":\"SECRETRESULT-xyz\",\"n\":2.5}"));
        Ack ack = node.sendAndAwaitAck(result);
        assertThat(ack.success()).isTrue();
        assertThat(ack.ackEventId()).isEqualTo(result.eventId());

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.finals().size() == 1);
        CallbackReceiver.Received fin = receiver.finals().get(0);
        assertThat(fin.verdict()).isEqualTo(CallbackVerdict.ACCEPTED);
        assertThat(fin.body().get("status").asText()).isEqualTo("completed");
        assertThat(fin.body().get("result").get("text").asText()).isEqualTo("SECRETRESULT-xyz");
        assertThat(fin.body().get("chat_id").asInt()).isEqualTo(42);
        assertThat(fin.body().get("model").asText()).isEqualTo("llama3.1:8b");
        assertThat(new String(fin.raw(), StandardCharsets.US_ASCII)).isEqualTo(CanonicalJson.canonicalJson(fin.body()));
        assertThat(fin.eventId()).isNotBlank();
        assertThat(fin.attempt()).isEqualTo(1);
        assertThat(receiver.received).anyMatch(c -> "assigned".equals(c.status()) && c.verdict().accepted());

        ApiClient.Answer view = r.api.get("/tasks/" + id);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body().get("status").asText()).isEqualTo("completed");
        assertThat(view.body().get("assigned_node_id").asText()).isEqualTo("node-a");
        assertThat(view.body().get("attempts").asInt()).isEqualTo(1);

        // A resent result (daemon outbox after a reconnect) is acked again, without a second callback.
        Ack again = node.sendAndAwaitAck(result);
        assertThat(again.success()).isTrue();
        Thread.sleep(500);
        assertThat(receiver.finals()).hasSize(1);

        ApiClient.Answer log = r.api.get("/tasks/" + id + "/callback");
        assertThat(log.body().get("state").asText()).isEqualTo("delivered");
        assertThat(log.body().get("attempts")).isNotEmpty();

        // Retention: payload gone at once, result after the 1 s TTL; only hashes remain, in every store file.
        await().atMost(Duration.ofSeconds(10)).until(() -> r.api.get("/tasks/" + id).body().get("result").isNull());
        r.relayer.store().compactNow().join();
        assertThat(grep(dir, secretPrompt)).as("payload bytes in store files").isFalse();
        assertThat(grep(dir, "SECRETRESULT-xyz")).as("result bytes in store files").isFalse();
        assertThat(r.api.get("/tasks/" + id).body().get("status").asText()).isEqualTo("completed");
        node.close();
    }

    static boolean grep(Path dir, String needle) throws IOException {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] hay = Files.readAllBytes(f);
                outer:
                for (int i = 0; i + n.length <= hay.length; i++) {
                    for (int j = 0; j < n.length; j++) {
                        if (hay[i + j] != n[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }
}

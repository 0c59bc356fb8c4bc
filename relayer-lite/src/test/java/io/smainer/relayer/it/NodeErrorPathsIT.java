package io.smainer.relayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.protocol.stark.StarkSignature;
import io.smainer.protocol.wire.Ack;
import io.smainer.protocol.wire.ErrorFrame;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.NodeRegister;
import io.smainer.protocol.wire.Ping;
import io.smainer.protocol.wire.Pong;
import io.smainer.protocol.wire.TaskAssigned;
import io.smainer.protocol.wire.TaskCompleted;
import io.smainer.relayer.testkit.InProcessRelayer;
import io.smainer.relayer.testkit.SimNode;
import io.smainer.relayer.testkit.TestKeys;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every node-side error path gets its documented answer ({@code error} frame with a stable code, and an
 * {@code ack} with success=false where the frame asked for one) and the relayer keeps serving.
 */
class NodeErrorPathsIT {
    @TempDir
    static Path dir;
    static InProcessRelayer r;

    @BeforeAll
    static void start() throws Exception {
        r = new InProcessRelayer(dir, b -> b);
    }

    @AfterAll
    static void stop() {
        r.close();
    }

    SimNode connect(String id) throws InterruptedException {
        return SimNode.of(id).connect(r.clients, r.relayer.port());
    }

    static void assertError(SimNode n, String code) throws InterruptedException {
        ErrorFrame e = n.next(ErrorFrame.class, 10);
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.errorMessage()).isNotBlank();
    }

    static void assertStillServing(SimNode n) throws InterruptedException {
        n.send(new Ping(Frames.newEventId(), Frames.now()));
        assertThat(n.next(Pong.class, 10)).isNotNull();
    }

    @Test
    void registrationWithAnotherKeysSignatureIsRefused() throws Exception {
        try (SimNode n = connect("bad-key")) {
            NodeRegister frame = n.registerFrame(Frames.now(), TestKeys.OTHER_KEY, 1, List.of());
            assertThat(n.sendAndAwaitAck(frame).success()).isFalse();
            assertError(n, "invalid_auth_signature");
            assertStillServing(n);
            assertThat(n.register(1).success()).as("a correct registration still works").isTrue();
        }
    }

    @Test
    void replayedStaleAndMismatchedRegistrationsAreRefused() throws Exception {
        String ts = Frames.now();
        try (SimNode first = connect("replay"); SimNode second = connect("replay")) {
            NodeRegister frame = first.registerFrame(ts, TestKeys.KEY, 1, List.of());
            assertThat(first.sendAndAwaitAck(frame).success()).isTrue();
            assertThat(second.sendAndAwaitAck(frame).success()).isFalse();
            assertError(second, "replayed_auth");
        }
        try (SimNode n = connect("stale")) {
            NodeRegister stale = n.registerFrame(Frames.timestamp(Instant.now().minusSeconds(301)), TestKeys.KEY, 1, List.of());
            assertThat(n.sendAndAwaitAck(stale).success()).isFalse();
            assertError(n, "stale_timestamp");
        }
        try (SimNode n = SimNode.of("other-id").connect(r.clients, r.relayer.port(), "/ws/node/path-id")) {
            assertThat(n.sendAndAwaitAck(n.registerFrame(Frames.now(), TestKeys.KEY, 1, List.of())).success()).isFalse();
            assertError(n, "node_id_mismatch");
        }
    }

    @Test
    void badFramesGetErrorFramesAndTheConnectionStaysOpen() throws Exception {
        try (SimNode n = connect("garbage")) {
            n.sendRaw("{not json");
            assertError(n, "malformed_json");
            n.sendRaw("{\"event_type\":\"node_teleport\",\"event_id\":\"x\",\"timestamp\":\"" + Frames.now() + "\"}");
            assertError(n, "unknown_event_type");
            n.sendRaw("{\"event_type\":\"node_heartbeat\",\"event_id\":\"x\",\"timestamp\":\"" + Frames.now() + "\"}");
            assertError(n, "invalid_field");
            n.heartbeat();
            assertError(n, "not_registered");
            assertStillServing(n);
        }
    }

    @Test
    void oversizedFrameClosesThatConnectionWith1009Only() throws Exception {
        try (SimNode n = connect("huge"); SimNode bystander = connect("bystander")) {
            n.sendRaw("{\"event_type\":\"ping\",\"pad\":\"" + "x".repeat(8 * 1024 * 1024 + 10) + "\"}");
            assertThat(n.closedWith.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1009);
            assertStillServing(bystander);
        }
    }

    @Test
    void resultsForUnknownTasksOrWithBadProofsAreRejectedAndTheTaskMovesOn() throws Exception {
        try (SimNode cheat = r.node("cheat", 1)) {
            TaskAssigned fake = new TaskAssigned(Frames.newEventId(), Frames.now(), "no-such-task",
                    io.smainer.protocol.json.CanonicalJson.parse("{\"type\":\"x\"}"), null, 10, BigInteger.ZERO, null);
            TaskCompleted unknown = cheat.completion(fake, cheat.resultFor(fake));
            assertThat(cheat.sendAndAwaitAck(unknown).success()).isFalse();
            assertError(cheat, "unknown_task");

            String id = r.api.submit("p", null);
            TaskAssigned t = cheat.next(TaskAssigned.class, 10);
            assertThat(t.taskId()).isEqualTo(id);
            TaskCompleted good = cheat.completion(t, cheat.resultFor(t));
            TaskCompleted wrongHash = new TaskCompleted(Frames.newEventId(), Frames.now(), id, good.resultData(), 1,
                    good.resultHash().add(BigInteger.ONE), good.signature(), null);
            assertThat(cheat.sendAndAwaitAck(wrongHash).success()).isFalse();
            assertError(cheat, "invalid_result_hash");

            TaskAssigned retry = cheat.next(TaskAssigned.class, 10); // re-queued: attempt 2 on the only node
            assertThat(retry.taskId()).isEqualTo(id);
            TaskCompleted good2 = cheat.completion(retry, cheat.resultFor(retry));
            TaskCompleted wrongSig = new TaskCompleted(Frames.newEventId(), Frames.now(), id, good2.resultData(), 1,
                    good2.resultHash(), new StarkSignature(good2.signature().r(), good2.signature().s().add(BigInteger.ONE)), null);
            assertThat(cheat.sendAndAwaitAck(wrongSig).success()).isFalse();
            assertError(cheat, "invalid_result_signature");

            TaskAssigned third = cheat.next(TaskAssigned.class, 10);
            assertThat(cheat.sendAndAwaitAck(cheat.completion(third, cheat.resultFor(third))).success()).isTrue();
            assertThat(r.api.get("/tasks/" + id).body().get("attempts").asInt()).isEqualTo(3);
            assertThat(r.api.get("/tasks/" + id).body().get("status").asText()).isEqualTo("completed");
        }
    }
}

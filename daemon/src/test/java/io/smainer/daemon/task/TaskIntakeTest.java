package io.smainer.daemon.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smainer.daemon.health.DaemonMetrics;
import io.smainer.daemon.health.DaemonState;
import io.smainer.daemon.health.DrainState;
import io.smainer.daemon.identity.NodeIdentity;
import io.smainer.protocol.api.TaskRequirements;
import io.smainer.protocol.api.Tier;
import io.smainer.protocol.json.CanonicalJson;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.ResultProof;
import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkPrivateKey;
import io.smainer.protocol.stark.StarknetJvmCrypto;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.HardwareSpec;
import io.smainer.protocol.wire.TaskAssigned;
import io.smainer.protocol.wire.TaskCompleted;
import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.protocol.wire.TaskFailed;
import io.smainer.protocol.wire.WsMessage;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskIntakeTest {
    static final StarkCrypto CRYPTO = new StarknetJvmCrypto();
    static final String ADDRESS = "0x3a7f1c2b9e8d";

    @TempDir
    Path tmp;
    final ProtocolJson json = new ProtocolJson();
    final ObjectMapper mapper = new ObjectMapper();
    final DaemonMetrics metrics = new DaemonMetrics();
    final DaemonState state = new DaemonState(Clock.systemUTC());
    final RecordingLink link = new RecordingLink();
    final CountDownLatch release = new CountDownLatch(1);
    final StarkPrivateKey key = StarkPrivateKey.of(new BigInteger("5f1d0c6a3b2e4d7c9a8b1e2f3d4c5b6a7980a1b2c3d4e5f60718293a4b5c6d7", 16), CRYPTO);
    ExecutorService workers;
    ScheduledExecutorService timer;
    Outbox outbox;
    TaskIntake intake;

    /** Records what would go on the wire; results are parsed back from the outbox frame text. */
    final class RecordingLink implements ResultLink {
        final List<WsMessage> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(OutboxEntry entry) {
            sent.add(json.readFrame(entry.frame()));
        }

        @Override
        public boolean sendNow(WsMessage message) {
            sent.add(message);
            return true;
        }

        @Override
        public boolean supports(String feature) {
            return false;
        }

        @Override
        public boolean relayerAcksResults() {
            return true;
        }
    }

    /** Blocks until released or interrupted. */
    final class BlockingRunner implements TaskRunner {
        @Override
        public String kind() {
            return "BLOCK";
        }

        @Override
        public boolean accepts(JsonNode payload) {
            return "BLOCK".equals(payload.path("task_type").asText());
        }

        @Override
        public TaskOutcome run(TaskContext context) throws InterruptedException {
            release.await();
            return new TaskOutcome(mapper.createObjectNode().put("ok", true), null);
        }
    }

    @BeforeEach
    void setUp() {
        workers = Executors.newFixedThreadPool(2);
        timer = Executors.newSingleThreadScheduledExecutor();
        outbox = Outbox.open(tmp.resolve("outbox"), Clock.systemUTC());
        HardwareSpec hw = new HardwareSpec(List.of(), 0, 8, 4, Tier.BASIC, 100, false, null, "amd64", "linux", false);
        intake = new TaskIntake(new Eligibility(hw),
                new RunnerRegistry(List.of(new BlockingRunner(), new HashRunner(), new MatrixRunner(8))),
                new ResultSigner(new NodeIdentity("node-1", ADDRESS, key), new ResultProof(CRYPTO)),
                outbox, link, json, metrics, state, 1, workers, timer);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        workers.shutdownNow();
        timer.shutdownNow();
    }

    private TaskAssigned task(String id, String payload, TaskRequirements req, int timeout, BigInteger onChain) throws Exception {
        return new TaskAssigned(Frames.newEventId(), Frames.now(), id, mapper.readTree(payload), req, timeout, BigInteger.TEN, onChain);
    }

    private <T> T awaitSent(String taskId, Class<T> type) {
        await().atMost(Duration.ofSeconds(20)).until(() -> link.sent.stream().anyMatch(m -> type.isInstance(m)
                && taskIdOf(m).equals(taskId)));
        return link.sent.stream().filter(type::isInstance).filter(m -> taskIdOf(m).equals(taskId)).map(type::cast).findFirst().orElseThrow();
    }

    private static String taskIdOf(WsMessage m) {
        return m instanceof TaskCompleted c ? c.taskId() : m instanceof TaskFailed f ? f.taskId() : "";
    }

    @Test
    void completedResultIsHashedSignedAndDurableBeforeSending() throws Exception {
        intake.onAssigned(task("t-hash", "{\"task_type\":\"HASH\",\"data\":\"abc\"}", TaskRequirements.NONE, 60, null));
        TaskCompleted c = awaitSent("t-hash", TaskCompleted.class);
        assertThat(c.resultData().get("hash").asText()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(c.resultHash()).isEqualTo(CanonicalJson.sha256ModP(c.resultData()));
        BigInteger taskFelt = Felts.sha256ModP("t-hash");
        assertThat(new ResultProof(CRYPTO).verify(key.publicKey(), taskFelt, Felts.parse("a", ADDRESS), c.resultHash(), c.signature())).isTrue();
        assertThat(c.effortMetrics().wallTimeSeconds()).isNotNull();
        assertThat(outbox.findByTask("t-hash")).as("kept until the relayer acks").isPresent();
        assertThat(metrics.completedCount()).isEqualTo(1);
    }

    @Test
    void onChainTaskIdIsTheSignedTaskFelt() throws Exception {
        intake.onAssigned(task("t-chain", "{\"algorithm\":\"matrix_multiplication\",\"matrix_a\":[[2]],\"matrix_b\":[[3]]}",
                TaskRequirements.NONE, 60, BigInteger.valueOf(42)));
        TaskCompleted c = awaitSent("t-chain", TaskCompleted.class);
        assertThat(new ResultProof(CRYPTO).verify(key.publicKey(), BigInteger.valueOf(42), Felts.parse("a", ADDRESS),
                c.resultHash(), c.signature())).isTrue();
    }

    @Test
    void ineligibleAndUnknownKindsAreRefusedAtOnce() throws Exception {
        intake.onAssigned(task("t-gpu", "{\"task_type\":\"HASH\",\"data\":\"x\"}",
                new TaskRequirements(null, null, true, null, null, null, null), 60, null));
        intake.onAssigned(task("t-ram", "{\"task_type\":\"HASH\",\"data\":\"x\"}",
                new TaskRequirements(2, 64.0, null, null, null, null, null), 60, null));
        intake.onAssigned(task("t-kind", "{\"type\":\"ai_inference\",\"prompt\":\"p\"}", TaskRequirements.NONE, 60, null));
        assertThat(awaitSent("t-gpu", TaskFailed.class).errorCode()).isEqualTo("NOT_ELIGIBLE");
        TaskFailed ram = awaitSent("t-ram", TaskFailed.class);
        assertThat(ram.errorCode()).isEqualTo("NOT_ELIGIBLE");
        assertThat(ram.errorMessage()).contains("64.0 GB RAM").contains("8.0");
        assertThat(awaitSent("t-kind", TaskFailed.class).errorMessage()).contains("HASH");
        assertThat(metrics.rejectedCount()).isEqualTo(3);
    }

    @Test
    void beyondMaxConcurrentIsCapacityAndDrainingRefusesEverything() throws Exception {
        intake.onAssigned(task("t-1", "{\"task_type\":\"BLOCK\"}", TaskRequirements.NONE, 60, null));
        intake.onAssigned(task("t-2", "{\"task_type\":\"HASH\",\"data\":\"x\"}", TaskRequirements.NONE, 60, null));
        assertThat(awaitSent("t-2", TaskFailed.class).errorCode()).isEqualTo("CAPACITY");
        state.drain(DrainState.DRAINING);
        intake.onAssigned(task("t-3", "{\"task_type\":\"HASH\",\"data\":\"x\"}", TaskRequirements.NONE, 60, null));
        assertThat(awaitSent("t-3", TaskFailed.class).errorMessage()).contains("draining");
        assertThat(intake.active()).isEqualTo(1);
        release.countDown();
        awaitSent("t-1", TaskCompleted.class);
        assertThat(intake.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void timeoutAndCancelStopTheRunnerAndReportFailure() throws Exception {
        intake.onAssigned(task("t-slow", "{\"task_type\":\"BLOCK\"}", TaskRequirements.NONE, 1, null));
        TaskFailed f = awaitSent("t-slow", TaskFailed.class);
        assertThat(f.errorCode()).isEqualTo("TIMEOUT");
        assertThat(intake.active()).isZero();
        intake.onAssigned(task("t-cancel", "{\"task_type\":\"BLOCK\"}", TaskRequirements.NONE, 60, null));
        assertThat(intake.cancel("t-cancel", TaskErrorCode.CANCELLED, "cancelled by the relayer")).isTrue();
        assertThat(awaitSent("t-cancel", TaskFailed.class).errorCode()).isEqualTo("CANCELLED");
        assertThat(link.sent.stream().filter(m -> taskIdOf(m).equals("t-cancel")).count()).as("reported once").isEqualTo(1);
    }

    @Test
    void reassignedTaskIsAnsweredFromTheOutboxNotRerun() throws Exception {
        intake.onAssigned(task("t-dup", "{\"task_type\":\"HASH\",\"data\":\"abc\"}", TaskRequirements.NONE, 60, null));
        TaskCompleted first = awaitSent("t-dup", TaskCompleted.class);
        intake.onAssigned(task("t-dup", "{\"task_type\":\"HASH\",\"data\":\"abc\"}", TaskRequirements.NONE, 60, null));
        await().until(() -> link.sent.size() == 2);
        assertThat(((TaskCompleted) link.sent.get(1)).eventId()).isEqualTo(first.eventId());
        assertThat(metrics.completedCount()).isEqualTo(1);
    }

    @Test
    void invalidPayloadFailsWithItsCode() throws Exception {
        intake.onAssigned(task("t-bad", "{\"task_type\":\"HASH\"}", TaskRequirements.NONE, 60, null));
        assertThat(awaitSent("t-bad", TaskFailed.class).errorCode()).isEqualTo("INVALID_PAYLOAD");
        assertThat(metrics.failedCount()).isEqualTo(1);
    }
}

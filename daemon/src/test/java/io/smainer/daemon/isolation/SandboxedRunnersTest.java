package io.smainer.daemon.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smainer.daemon.task.OutboxEntry;
import io.smainer.daemon.task.ResultLink;
import io.smainer.daemon.task.TaskContext;
import io.smainer.daemon.task.TaskOutcome;
import io.smainer.daemon.task.TaskRunException;
import io.smainer.sandbox.TaskUser;
import io.smainer.sandbox.ai.LoopbackModelServer;
import io.smainer.protocol.api.TaskRequirements;
import io.smainer.protocol.wire.Ack;
import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.protocol.wire.TaskStreamChunk;
import io.smainer.protocol.wire.WsMessage;
import io.smainer.sandbox.SandboxException;
import io.smainer.sandbox.ai.AiInferenceExecutor;
import io.smainer.sandbox.ai.GpuSampler;
import io.smainer.sandbox.ai.ModelCatalog;
import io.smainer.sandbox.ai.OllamaBackend;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CUSTOM and AI_INFERENCE runners: refusal, error-code mapping, effort metrics and stream chunks, the AI
 * side against a loopback server speaking Ollama's real wire format (no mocked interfaces).
 */
class SandboxedRunnersTest {
    final ObjectMapper json = new ObjectMapper();
    LoopbackModelServer server;

    /** Records frames sent without durability; {@code stream} decides what the "relayer" listed. */
    static final class RecordingLink implements ResultLink {
        final List<WsMessage> sent = new CopyOnWriteArrayList<>();
        final boolean stream;

        RecordingLink(boolean stream) {
            this.stream = stream;
        }

        @Override
        public void send(OutboxEntry entry) {
            throw new AssertionError("runners never send results themselves");
        }

        @Override
        public boolean sendNow(WsMessage message) {
            sent.add(message);
            return true;
        }

        @Override
        public boolean supports(String feature) {
            return stream && Ack.FEATURE_STREAM.equals(feature);
        }

        @Override
        public boolean relayerAcksResults() {
            return true;
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackModelServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TaskContext ctx(String payload) throws Exception {
        return new TaskContext("task-1", json.readTree(payload), TaskRequirements.NONE, Duration.ofSeconds(30));
    }

    private AiInferenceRunner ai(URI base, ResultLink link, Set<String> allowed, boolean refreshed) {
        ModelCatalog catalog = new ModelCatalog(new OllamaBackend(base, Duration.ofSeconds(5)), allowed);
        AiInferenceExecutor exec = new AiInferenceExecutor(new OllamaBackend(base, Duration.ofSeconds(10)), catalog,
                new GpuSampler(Path.of("/nonexistent/nvidia-smi"), 500), "llama3.1:8b");
        ModelOffer offer = new ModelOffer(catalog, "ollama", base.toString());
        if (refreshed) {
            offer.refresh();
        }
        return new AiInferenceRunner(exec, link, offer, "llama3.1:8b");
    }

    @Test
    void aiStreamsChunksInOrderThenDoneWhenTheRelayerListsStream() throws Exception {
        RecordingLink link = new RecordingLink(true);
        TaskOutcome out = ai(server.base(), link, Set.of("*"), true).run(ctx("{\"type\":\"ai_inference\",\"prompt\":\"capital?\"}"));
        assertThat(out.resultData().get("response").asText()).isEqualTo("Paris is the capital.");
        assertThat(server.requests.get(0).get("stream").asBoolean()).isTrue();
        assertThat(server.requests.get(0).get("model").asText()).as("ollama_default_model").isEqualTo("llama3.1:8b");
        List<TaskStreamChunk> chunks = link.sent.stream().map(TaskStreamChunk.class::cast).toList();
        assertThat(chunks).extracting(TaskStreamChunk::seq).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(chunks).extracting(TaskStreamChunk::chunk).containsExactly("Paris", " is", " the", " capital.", "");
        assertThat(chunks).extracting(TaskStreamChunk::done).containsExactly(false, false, false, false, true);
        assertThat(chunks).allSatisfy(c -> assertThat(c.taskId()).isEqualTo("task-1"));
        assertThat(out.effort().tokensInput()).isEqualTo(26L);
        assertThat(out.effort().tokensOutput()).isEqualTo(4L);
        assertThat(out.effort().modelId()).isEqualTo("llama3.1:8b");
        assertThat(out.effort().wallTimeSeconds()).isNotNull();
        assertThat(out.effort().gpuTimeSeconds()).as("no nvidia-smi, no GPU time").isNull();
    }

    @Test
    void aiDoesNotStreamWithoutTheFeature() throws Exception {
        RecordingLink link = new RecordingLink(false);
        TaskOutcome out = ai(server.base(), link, Set.of("*"), true)
                .run(ctx("{\"type\":\"ai_inference\",\"prompt\":\"capital?\",\"model\":\"qwen2.5:0.5b\",\"max_tokens\":7}"));
        JsonNode sent = server.requests.get(0);
        assertThat(sent.get("stream").asBoolean()).isFalse();
        assertThat(sent.at("/options/num_predict").asInt()).isEqualTo(7);
        assertThat(link.sent).isEmpty();
        assertThat(out.effort().tokensInput()).isEqualTo(26L);
        assertThat(out.effort().tokensOutput()).isEqualTo(6L);
    }

    @Test
    void aiMapsBackendDownModelsNotOfferedAndBackendErrors() throws Exception {
        URI closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
        AiInferenceRunner down = ai(closed, new RecordingLink(true), Set.of("*"), true);
        assertThat(down.unavailableReason()).as("down is not refused at intake").isNull();
        assertThat(down.statusReason()).contains("unavailable");
        assertThatThrownBy(() -> down.run(ctx("{\"type\":\"ai_inference\",\"prompt\":\"p\"}")))
                .isInstanceOfSatisfying(TaskRunException.class, e -> assertThat(e.code()).isEqualTo(TaskErrorCode.BACKEND_UNAVAILABLE));

        AiInferenceRunner narrow = ai(server.base(), new RecordingLink(true), Set.of("qwen2.5:0.5b"), true);
        assertThatThrownBy(() -> narrow.run(ctx("{\"type\":\"ai_inference\",\"prompt\":\"p\",\"model\":\"llama3.1:8b\"}")))
                .isInstanceOfSatisfying(TaskRunException.class, e -> {
                    assertThat(e.code()).isEqualTo(TaskErrorCode.NOT_ELIGIBLE);
                    assertThat(e.getMessage()).contains("llama3.1:8b", "[qwen2.5:0.5b]");
                });
        assertThat(server.requests).as("nothing sent for a model this node does not offer").isEmpty();

        server.failStatus = 503;
        assertThatThrownBy(() -> ai(server.base(), new RecordingLink(false), Set.of("*"), false)
                .run(ctx("{\"type\":\"ai_inference\",\"prompt\":\"p\"}")))
                .isInstanceOfSatisfying(TaskRunException.class, e -> assertThat(e.code()).isEqualTo(TaskErrorCode.BACKEND_UNAVAILABLE));
        assertThatThrownBy(() -> ai(server.base(), new RecordingLink(false), Set.of("*"), false)
                .run(ctx("{\"type\":\"ai_inference\"}")))
                .isInstanceOfSatisfying(TaskRunException.class, e -> assertThat(e.code()).isEqualTo(TaskErrorCode.INVALID_PAYLOAD));
    }

    @Test
    void modelOfferIntersectsTheBackendWithTheAllowList() {
        ModelOffer offer = new ModelOffer(new ModelCatalog(new OllamaBackend(server.base(), Duration.ofSeconds(5)),
                Set.of("qwen2.5:0.5b", "not-installed")), "ollama", server.base().toString());
        assertThat(offer.capabilities().supportedModels()).as("before the first refresh").isEmpty();
        offer.refresh();
        assertThat(offer.capabilities().supportedModels()).containsExactly("qwen2.5:0.5b");
        assertThat(offer.problem()).isNull();
        assertThat(offer.toJson().get("offered_models").toString()).isEqualTo("[\"qwen2.5:0.5b\"]");
        ModelOffer disabled = new ModelOffer(null, "ollama", server.base().toString());
        disabled.refresh();
        assertThat(disabled.capabilities().supportedModels()).isEmpty();
        assertThat(server.paths).as("a disabled offer asks nothing").isEmpty();
    }

    @Test
    void disabledKindsRefuseWithTheKeyThatEnablesThem() throws Exception {
        AiInferenceRunner ai = new AiInferenceRunner(null, new RecordingLink(true), new ModelOffer(null, "ollama", "x"), "");
        assertThat(ai.unavailableReason()).contains("enable_ai_tasks=false");
        CustomTaskRunner custom = CustomTaskRunner.refusing(SandboxedKinds.DISABLED);
        assertThat(custom.accepts(json.readTree("{\"task_type\":\"CUSTOM\"}"))).isTrue();
        assertThat(custom.accepts(json.readTree("{\"task_type\":\"HASH\"}"))).isFalse();
        assertThat(custom.unavailableReason()).contains("enable_custom_tasks=false", "ENABLE_CUSTOM_TASKS=true");
        assertThatThrownBy(() -> custom.run(ctx("{\"task_type\":\"CUSTOM\",\"runtime\":\"sh\",\"code\":\"echo\"}")))
                .isInstanceOfSatisfying(TaskRunException.class, e -> assertThat(e.code()).isEqualTo(TaskErrorCode.NOT_ELIGIBLE));
    }

    @Test
    void sandboxErrorsKeepTheirProtocolCode() {
        for (TaskErrorCode code : List.of(TaskErrorCode.TIMEOUT, TaskErrorCode.RESOURCE_LIMIT, TaskErrorCode.INVALID_PAYLOAD,
                TaskErrorCode.NOT_ELIGIBLE, TaskErrorCode.BACKEND_UNAVAILABLE, TaskErrorCode.SANDBOX_ERROR)) {
            TaskRunException e = TaskFailures.of(new SandboxException(code, "why " + code, null));
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo("why " + code);
        }
        assertThat(TaskFailures.of(new SandboxException("launcher broke")).code()).isEqualTo(TaskErrorCode.SANDBOX_ERROR);
    }

    @Test
    void customEffortComesFromTheKernelCountersAndIdsAreSandboxSafe() throws Exception {
        var effort = CustomTaskRunner.effort(json.readTree("{\"wall_time_ms\":2000,\"cpu_time_ms\":500,\"peak_memory_bytes\":"
                + (3L << 20) + "}"));
        assertThat(effort.wallTimeSeconds()).isEqualTo(2.0);
        assertThat(effort.cpuUsagePercent()).isEqualTo(25.0);
        assertThat(effort.peakMemoryMb()).isEqualTo(3.0);
        var unknown = CustomTaskRunner.effort(json.readTree("{\"wall_time_ms\":10,\"cpu_time_ms\":-1,\"peak_memory_bytes\":-1}"));
        assertThat(unknown.cpuUsagePercent()).isNull();
        assertThat(unknown.peakMemoryMb()).isNull();
        assertThat(CustomTaskRunner.sandboxId("0b0c3f7e-5d6a-4e2f-9c1b-2a3d4e5f6a7b")).isEqualTo("0b0c3f7e-5d6a-4e2f-9c1b-2a3d4e5f6a7b");
        assertThat(CustomTaskRunner.sandboxId("task/../with spaces")).matches("t-[0-9a-f]{32}");
    }

    @Test
    void taskUserPrefersTheDedicatedUser() throws Exception {
        Path passwd = java.nio.file.Files.createTempFile("passwd", "");
        try {
            java.nio.file.Files.writeString(passwd, "root:x:0:0::/root:/bin/sh\nsmainer-task:x:998:997::/nonexistent:/usr/sbin/nologin\n");
            assertThat(TaskUser.resolve(null, null, passwd)).isEqualTo(new TaskUser(998, 997));
            assertThat(TaskUser.resolve(1234, null, passwd)).isEqualTo(new TaskUser(1234, 997));
            java.nio.file.Files.writeString(passwd, "root:x:0:0::/root:/bin/sh\n");
            assertThat(TaskUser.resolve(null, null, passwd)).isEqualTo(new TaskUser(65534, 65534));
        } finally {
            java.nio.file.Files.delete(passwd);
        }
        assertThat(SelfTestRun.cgroupParent("smainer", 4242)).isEqualTo("smainer-selftest-4242");
        assertThat(SelfTestRun.cgroupParent("x".repeat(64), 4242)).hasSize(64).endsWith("-selftest-4242");
    }
}

package io.smainer.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smainer.protocol.Limits;
import io.smainer.protocol.ProtocolException;
import io.smainer.protocol.api.ApiError;
import io.smainer.protocol.api.CallbackAttempt;
import io.smainer.protocol.api.CallbackLog;
import io.smainer.protocol.api.CallbackPayload;
import io.smainer.protocol.api.CallbackTarget;
import io.smainer.protocol.api.ComponentHealth;
import io.smainer.protocol.api.HealthReport;
import io.smainer.protocol.api.NetworkStats;
import io.smainer.protocol.api.NodeList;
import io.smainer.protocol.api.NodeSummary;
import io.smainer.protocol.api.NodeView;
import io.smainer.protocol.api.Settlement;
import io.smainer.protocol.api.StreamCallback;
import io.smainer.protocol.api.TaskPage;
import io.smainer.protocol.api.TaskRequirements;
import io.smainer.protocol.api.TaskStatus;
import io.smainer.protocol.api.TaskSubmission;
import io.smainer.protocol.api.TaskSubmitted;
import io.smainer.protocol.api.TaskView;
import io.smainer.protocol.api.Tier;
import io.smainer.protocol.api.ValidationError;
import io.smainer.protocol.wire.Samples;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProtocolJsonBodiesTest {
    private final ProtocolJson json = new ProtocolJson();

    private static final String SUBMISSION = """
            {
              "payload": {"type": "ai_inference", "prompt": "secret prompt text", "model": "llama3.1:8b",
                          "complete_callback_url": "https://bot.example/api/callback/complete",
                          "stream_callback_url": "https://bot.example/api/callback/stream"},
              "requirements": {"cpu_threads": 4, "ram_gb": 16, "gpu_required": true,
                               "max_execution_time": 300, "min_vram_gb": 10, "required_tier": "basic"},
              "token_amount": 100000000000000000,
              "description": "AI inference via Telegram",
              "on_chain_task_id": 42,
              "affiliate_address": "0xabc"
            }""";

    static Stream<Object> bodies() {
        TaskView view = new TaskView("t-1", TaskStatus.SETTLED, "node-001", Samples.result(), null, Samples.TS, Samples.TS,
                Samples.TS, 1.5, BigInteger.valueOf(42), new BigInteger("100000000000000000"), 1,
                new Settlement(Settlement.SETTLED, "0xabc", BigInteger.valueOf(85), BigInteger.valueOf(3), BigInteger.valueOf(12)));
        NodeView node = new NodeView("node-001", "0x1234", "active", Samples.hardware(), Samples.capabilities(), 1, 2, 10.0, 20.0,
                false, Samples.TS, Samples.TS, 5, 1, "0.1.0");
        ComponentHealth ok = new ComponentHealth(ComponentHealth.HEALTHY, null, null);
        return Stream.of(
                new TaskSubmission(Samples.payload(), new TaskRequirements(4, 16.0, true, 300, 10.0, Tier.BASIC, null),
                        new BigInteger("100000000000000000"), "desc", BigInteger.valueOf(42), "0xabc"),
                new TaskSubmitted("3f1c2a8e-5d7b-4c1a-9e2f-0a1b2c3d4e5f"),
                view,
                new TaskPage(List.of(view), "cursor-2"),
                new CallbackTarget("https://bot.example/api/callback/complete", "https://bot.example/api/callback/stream"),
                new CallbackLog("t-1", "https://bot.example/cb", null, "delivered",
                        List.of(new CallbackAttempt("ev-1", "final", 1, Samples.TS, 200, null, null))),
                new CallbackPayload("t-1", "completed", Samples.result(), null, 1.5, null, null, BigInteger.valueOf(42), null),
                new StreamCallback("t-1", "chunk", false),
                node,
                new NodeList(List.of(node)),
                new NodeSummary(1, Map.of("pro", 1), Map.of("nvidia", 1), 80.0),
                new HealthReport("healthy", Samples.TS, "0.1.0", 12, true, 1,
                        new HealthReport.Components(ok, new ComponentHealth(ComponentHealth.HEALTHY, null, 1), ok)),
                new NetworkStats(new NetworkStats.Tasks(10, 2.5, Map.of("completed", 10L)), new NetworkStats.Providers(1, 2),
                        new NetworkStats.SettlementVolume(BigInteger.TEN, BigInteger.TWO, BigInteger.ONE, BigInteger.ONE)),
                new ApiError("Task not found", "task_not_found"),
                new ValidationError(List.of(new ValidationError.Item(List.of("body", "payload"), "field required", "missing")),
                        ValidationError.CODE));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void everyBodyRoundTrips(Object body) {
        byte[] bytes = json.write(body);
        Object back = json.read(bytes, body.getClass());
        assertThat(json.write(back)).isEqualTo(bytes);
        if (!(body instanceof TaskSubmission) && !(body instanceof TaskView) && !(body instanceof TaskPage)
                && !(body instanceof CallbackPayload)) {
            assertThat(back).isEqualTo(body);
        }
    }

    @Test
    void productionSubmissionParses() {
        TaskSubmission s = json.readBody(SUBMISSION.getBytes(StandardCharsets.UTF_8), TaskSubmission.class);
        assertThat(s.tokenAmount()).isEqualTo(new BigInteger("100000000000000000"));
        assertThat(s.onChainTaskId()).isEqualTo(BigInteger.valueOf(42));
        assertThat(s.requirements().requiredTier()).isEqualTo(Tier.BASIC);
        assertThat(s.requirements().needsGpu()).isTrue();
        assertThat(s.payload().get("prompt").asText()).isEqualTo("secret prompt text");
        assertThat(s.toString()).doesNotContain("secret prompt text");
    }

    @Test
    void tokenAmountAsDecimalString() {
        TaskSubmission s = json.readBody(SUBMISSION.replace("100000000000000000,", "\"115792089237316195423570985008687907853269984665640564039457584007913129639935\",")
                .getBytes(StandardCharsets.UTF_8), TaskSubmission.class);
        assertThat(s.tokenAmount()).isEqualTo(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
    }

    @Test
    void floatAmountIsRejectedWithLocation() {
        assertThatThrownBy(() -> json.readBody(SUBMISSION.replace("100000000000000000,", "0.1,").getBytes(StandardCharsets.UTF_8),
                TaskSubmission.class))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.location()).containsExactly("body", "token_amount"));
    }

    @Test
    void nestedValidationErrorsCarryTheirPath() {
        assertThatThrownBy(() -> json.readBody(SUBMISSION.replace("\"cpu_threads\": 4", "\"cpu_threads\": 0")
                .getBytes(StandardCharsets.UTF_8), TaskSubmission.class))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.location()).containsExactly("body", "requirements", "cpu_threads");
                    assertThat(e.kind()).isEqualTo(ProtocolException.Kind.INVALID_FIELD);
                });
        assertThatThrownBy(() -> json.readBody(SUBMISSION.replace("\"required_tier\": \"basic\"", "\"required_tier\": \"gold\"")
                .getBytes(StandardCharsets.UTF_8), TaskSubmission.class))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.location()).startsWith("body", "requirements"));
        assertThatThrownBy(() -> json.readBody(SUBMISSION.replace("\"0xabc\"", "\"abc\"").getBytes(StandardCharsets.UTF_8),
                TaskSubmission.class))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.location()).containsExactly("body", "affiliate_address"));
    }

    @Test
    void missingPayload() {
        assertThatThrownBy(() -> json.readBody("{\"token_amount\": 1}".getBytes(StandardCharsets.UTF_8), TaskSubmission.class))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProtocolException.Kind.MISSING_FIELD);
                    assertThat(e.location()).containsExactly("body", "payload");
                });
    }

    @Test
    void oversizedBody() {
        byte[] big = new byte[Limits.MAX_REQUEST_BODY_BYTES + 1];
        assertThatThrownBy(() -> json.readBody(big, TaskSubmission.class))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.TOO_LARGE));
    }

    @Test
    void callbackPayloadWritesNullErrorButOmitsAbsentBotFields() {
        String body = json.writeString(new CallbackPayload("task-123", "completed", Samples.result(), null, 1.5, null, null, null, null));
        assertThat(body).contains("\"error\":null").contains("\"on_chain_task_id\":null")
                .doesNotContain("chat_id").doesNotContain("\"model\"");
    }

    @Test
    void taskStatusLifecycle() {
        assertThat(TaskStatus.PENDING.canMoveTo(TaskStatus.ASSIGNED)).isTrue();
        assertThat(TaskStatus.COMPLETED.canMoveTo(TaskStatus.SETTLED)).isTrue();
        assertThat(TaskStatus.SETTLED.canMoveTo(TaskStatus.PENDING)).isFalse();
        assertThat(TaskStatus.IN_PROGRESS.canMoveTo(TaskStatus.CANCELLED)).isFalse();
        assertThat(TaskStatus.parse("IN_PROGRESS")).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(json.writeString(TaskStatus.IN_PROGRESS)).isEqualTo("\"in_progress\"");
    }
}

package io.smainer.protocol.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.api.TaskRequirements;
import io.smainer.protocol.api.Tier;
import io.smainer.protocol.stark.StarkSignature;
import java.math.BigInteger;
import java.util.List;

/** One valid instance of every frame, for round-trip tests here and in other modules. */
public final class Samples {
    public static final String TS = "2026-01-01T00:00:00+00:00";
    public static final StarkSignature SIG = new StarkSignature(
            new BigInteger("e8275ead540bd2c3a05fac64bb42a57ddf870465c62096d4c17a1fc8536a69", 16),
            new BigInteger("2385c8fd1e27a7763f4334333fd0c388fdb817ac74b26d58cccd17a16275737", 16));

    private Samples() {}

    public static JsonNode payload() {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("type", "ai_inference").put("prompt", "secret prompt text").put("model", "llama3.1:8b");
        return p;
    }

    public static JsonNode result() {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("exit_code", 0).put("status", "success").put("stdout", "secret result text");
        return r;
    }

    public static HardwareSpec hardware() {
        return new HardwareSpec(List.of(new GpuDevice("NVIDIA H100", 80, "550.54", "nvidia")), 80, 64, 16,
                Tier.PRO, 500, true, "NVIDIA H100", "x86_64", "linux", false);
    }

    public static CapabilityContract capabilities() {
        return new CapabilityContract("1.0", List.of("llama3.1:8b"), List.of("no_retention"), TS);
    }

    public static List<WsMessage> everyFrame() {
        return List.of(
                new NodeRegister("e1", TS, "node-001", "0x1234", "0x25ad4b10066af140f8a05c1ef423a109ba774f6e64b12c614c24f8982f3c3d1",
                        SIG, hardware(), capabilities(), capabilities(), 2, "0.1.0"),
                new Ack("e2", TS, "e1", true, "registered", List.of(Ack.FEATURE_STREAM, Ack.FEATURE_TASK_CANCEL)),
                new NodeHeartbeat("e3", TS, "node-001", 12.5, 40.0, 1, capabilities(), false),
                new TaskAssigned("e4", TS, "task-1", payload(),
                        new TaskRequirements(4, 16.0, true, 300, 10.0, Tier.BASIC, "llama3.1:8b"), 300,
                        new BigInteger("100000000000000000"), BigInteger.valueOf(42)),
                new TaskCompleted("e5", TS, "task-1", result(), 1.5, new BigInteger("491b6e33b16a526ab374641895f10ed3255d9b9e5050b07b7d9954862b6d0d", 16),
                        SIG, new EffortMetrics(10L, 20L, 1.5, "llama3.1:8b", 8.0, 5.5, 30.0, 1.6, 50.0, 512.0)),
                new TaskFailed("e6", TS, "task-1", "TIMEOUT", "took longer than 300 s", null),
                new TaskStreamChunk("e7", TS, "task-1", 3, "partial text", false),
                new TaskCancel("e8", TS, "task-1", "timeout"),
                new Ping("e9", TS),
                new Pong("e10", TS, TS),
                new ErrorFrame("e11", TS, "unknown_event_type", "unknown event_type 'x'"));
    }
}

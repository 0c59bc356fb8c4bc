package io.smainer.relayer.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.api.TaskRequirements;
import io.smainer.protocol.api.Tier;
import io.smainer.protocol.wire.CapabilityContract;
import io.smainer.protocol.wire.HardwareSpec;
import io.smainer.protocol.wire.WsMessage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeRegistryTest {
    static final long HB = 90_000;

    record FakeSession(String nodeId) implements NodeSession {
        @Override
        public void send(WsMessage message) {}

        @Override
        public void close(int code, String reason) {}
    }

    static NodeState node(String id, int max, boolean gpu, Tier tier, List<String> models) {
        HardwareSpec hw = new HardwareSpec(List.of(), gpu ? 24 : 0, 32, 8, tier, 100, gpu, null, null, null, false);
        return new NodeState(new FakeSession(id), "0x1", BigInteger.ONE, BigInteger.TWO, hw,
                new CapabilityContract("1.0", models, List.of(), null), max, "t", 0);
    }

    static LiveTask task(String id, TaskRequirements req, String type, String model) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        if (type != null) {
            p.put("type", type);
        }
        if (model != null) {
            p.put("model", model);
        }
        return new LiveTask(id, 1, p, req, BigInteger.ZERO, null, null, null, null, 0);
    }

    @Test
    void equalNodesShareWorkRoundRobinAndTheLeastLoadedWins() {
        NodeRegistry r = new NodeRegistry();
        List<NodeState> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nodes.add(node("n" + i, 10, false, Tier.BASIC, List.of()));
            r.put(nodes.get(i));
        }
        Map<String, Integer> picks = new HashMap<>();
        for (int i = 0; i < 9; i++) {
            NodeState n = r.pick(task("t" + i, TaskRequirements.NONE, "HASH", null), 0, HB);
            n.active.add("t" + i);
            picks.merge(n.nodeId, 1, Integer::sum);
        }
        assertThat(picks).containsValues(3, 3, 3);
        nodes.get(1).active.clear();
        assertThat(r.pick(task("x", TaskRequirements.NONE, null, null), 0, HB).nodeId).isEqualTo("n1");
    }

    @Test
    void hardwareTierModelCapacityAndHeartbeatDecideEligibility() {
        NodeState cpu = node("cpu", 1, false, Tier.BASIC, List.of("small"));
        NodeState gpu = node("gpu", 1, true, Tier.PRO, List.of("llama3.1:8b"));
        NodeRegistry r = new NodeRegistry();
        r.put(cpu);
        r.put(gpu);
        TaskRequirements needsGpu = new TaskRequirements(null, null, true, null, 16.0, null, null);
        assertThat(r.pick(task("a", needsGpu, null, null), 0, HB).nodeId).isEqualTo("gpu");
        TaskRequirements premium = new TaskRequirements(null, null, null, null, null, Tier.PREMIUM, null);
        assertThat(r.pick(task("b", premium, null, null), 0, HB)).isNull();
        assertThat(r.pick(task("c", TaskRequirements.NONE, "ai_inference", "llama3.1:8b"), 0, HB).nodeId).isEqualTo("gpu");
        assertThat(r.pick(task("d", TaskRequirements.NONE, "ai_inference", "unknown-model"), 0, HB)).isNull();
        TaskRequirements tooBig = new TaskRequirements(64, null, null, null, null, null, null);
        assertThat(r.pick(task("e", tooBig, null, null), 0, HB)).isNull();
        gpu.active.add("busy");
        assertThat(r.pick(task("f", needsGpu, null, null), 0, HB)).as("no free slot").isNull();
        assertThat(r.pick(task("g", TaskRequirements.NONE, null, null), HB + 1, HB)).as("stale heartbeats").isNull();
        cpu.draining = true;
        assertThat(r.pick(task("h", TaskRequirements.NONE, null, null), 0, HB)).as("draining").isNull();
    }

    @Test
    void aSessionOnlyRemovesItselfNotItsReplacement() {
        NodeRegistry r = new NodeRegistry();
        NodeState old = node("same", 1, false, Tier.BASIC, List.of());
        NodeState replacement = node("same", 1, false, Tier.BASIC, List.of());
        r.put(old);
        assertThat(r.put(replacement)).isSameAs(old);
        assertThat(r.remove(old.session)).isNull();
        assertThat(r.get("same")).isSameAs(replacement);
        assertThat(r.remove(replacement.session)).isSameAs(replacement);
        assertThat(r.size()).isZero();
    }
}

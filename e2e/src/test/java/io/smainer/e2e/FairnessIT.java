package io.smainer.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, fairness: three real daemons on one relayer-lite, 300 HASH tasks (payment and on-chain keys off to keep it
 * fast) → every daemon gets work and none more than twice another ({@code assigned_node_id} of every task).
 */
@Tag("e2e")
class FairnessIT {
    private static final int TASKS = 300;
    private static final Set<String> FINAL = Set.of("completed", "failed", "timeout", "settled");

    @TempDir
    Path dir;

    @Test
    void threeDaemonsShareThreeHundredTasksWithinTwoToOne() throws Exception {
        List<Daemon> daemons = new ArrayList<>();
        try (RelayerLite relayer = RelayerLite.start(dir.resolve("relayer"), false)) {
            try {
                for (int i = 0; i < 3; i++) {
                    var key = Keys.random();
                    daemons.add(Daemon.start(relayer.ws(), dir.resolve("daemon-" + i), Keys.randomAddress(),
                            io.smainer.protocol.stark.Felts.toHex(key.value())));
                }
                for (Daemon d : daemons) {
                    await("daemon registered").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(d::registered);
                }
                List<String> tasks = new ArrayList<>();
                for (int i = 0; i < TASKS; i++) {
                    ObjectNode body = RelayerLite.JSON.createObjectNode();
                    body.putObject("payload").put("task_type", "HASH").put("data", "fairness-" + i);
                    tasks.add(relayer.submit(body));
                }
                Map<String, Integer> perNode = new TreeMap<>();
                await("all " + TASKS + " tasks final").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> tasks.stream().allMatch(t -> {
                            try {
                                return FINAL.contains(relayer.task(t).path("status").asText());
                            } catch (Exception e) {
                                return false;
                            }
                        }));
                for (String t : tasks) {
                    JsonNode v = relayer.task(t);
                    assertThat(v.path("status").asText()).as("task " + t).isEqualTo("completed");
                    perNode.merge(v.path("assigned_node_id").asText(), 1, Integer::sum);
                }
                Collection<Integer> counts = perNode.values();
                assertThat(perNode).as("tasks per node").hasSize(3).doesNotContainKey("");
                int min = counts.stream().mapToInt(Integer::intValue).min().orElseThrow();
                int max = counts.stream().mapToInt(Integer::intValue).max().orElseThrow();
                assertThat(min).as("tasks per node " + perNode).isPositive();
                assertThat(max).as("tasks per node " + perNode).isLessThanOrEqualTo(2 * min);
                System.out.println("FairnessIT tasks per node: " + perNode);
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
            }
        }
    }
}

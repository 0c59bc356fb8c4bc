package io.smainer.daemon.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class StatusHttpHandlerTest {
    final DaemonState state = new DaemonState(Clock.systemUTC());
    final DaemonMetrics metrics = new DaemonMetrics();
    final StatusSnapshot snapshot = new StatusSnapshot(state, metrics, "ws://127.0.0.1:8000", "node-1", "0.1.0", () -> 2, () -> 3);

    private FullHttpResponse get(HttpMethod method, String uri) {
        EmbeddedChannel ch = new EmbeddedChannel(new StatusHttpHandler(snapshot, metrics));
        ch.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri));
        return ch.readOutbound();
    }

    @Test
    void statusReportsTheDaemonsFacts() throws Exception {
        metrics.gauges(() -> 2, () -> 3, () -> 1, () -> 0);
        state.registered(true);
        metrics.taskCompleted();
        metrics.taskFailed();
        state.drain(DrainState.DRAINING);
        FullHttpResponse r = get(HttpMethod.GET, "/status");
        assertThat(r.status().code()).isEqualTo(200);
        JsonNode s = new ObjectMapper().readTree(r.content().toString(StandardCharsets.UTF_8));
        assertThat(s.get("connection_state").asText()).isEqualTo("registered");
        assertThat(s.get("relayer_url").asText()).isEqualTo("ws://127.0.0.1:8000");
        assertThat(s.get("node_id").asText()).isEqualTo("node-1");
        assertThat(s.get("registered_at").isTextual()).isTrue();
        assertThat(s.has("last_heartbeat_ack")).isTrue();
        assertThat(s.get("tasks").get("active").asInt()).isEqualTo(2);
        assertThat(s.get("tasks").get("completed").asInt()).isEqualTo(1);
        assertThat(s.get("tasks").get("failed").asInt()).isEqualTo(1);
        assertThat(s.get("outbox_depth").asInt()).isEqualTo(3);
        assertThat(s.get("drain_state").asText()).isEqualTo("draining");
        assertThat(s.get("version").asText()).isEqualTo("0.1.0");
    }

    @Test
    void metricsArePrometheusText() {
        metrics.gauges(() -> 2, () -> 3, () -> 1, () -> 0);
        metrics.taskCompleted();
        FullHttpResponse r = get(HttpMethod.GET, "/metrics");
        assertThat(r.headers().get("content-type")).startsWith("text/plain");
        String body = r.content().toString(StandardCharsets.UTF_8);
        assertThat(body).contains("# TYPE smainer_daemon_tasks_completed_total counter", "smainer_daemon_tasks_completed_total 1.0",
                "smainer_daemon_outbox_depth 3.0", "smainer_daemon_tasks_active 2.0", "smainer_daemon_relay_registered 1.0");
    }

    @Test
    void readOnlyAndUnknownPaths() {
        assertThat(get(HttpMethod.POST, "/status").status().code()).isEqualTo(405);
        assertThat(get(HttpMethod.GET, "/nope").status().code()).isEqualTo(404);
    }
}

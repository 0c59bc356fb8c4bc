package io.smainer.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smainer.daemon.config.ConfigLoader;
import io.smainer.daemon.config.DaemonConfig;
import io.smainer.daemon.hardware.HostPaths;
import io.smainer.daemon.identity.NodeIdentity;
import io.smainer.daemon.lifecycle.SignalTrap;
import io.smainer.daemon.task.TaskContext;
import io.smainer.daemon.task.TaskOutcome;
import io.smainer.daemon.task.TaskRunner;
import io.smainer.testkit.BlackHoleProxy;
import io.smainer.daemon.testing.RelayerLiteProcess;
import io.smainer.daemon.testing.TestKeys;
import io.smainer.protocol.stark.StarknetJvmCrypto;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled daemon in this JVM (so a test runner can hold a task "running" for as long as the
 * test needs) against a real relayer-lite process: relayer restarts mid-task and graceful drain.
 */
class ProviderRuntimeIT {
    static final String API_KEY = "it-api-key-runtime-91c2";

    @TempDir
    Path tmp;
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    ProviderRuntime runtime;

    /** Holds its task until the test releases it: a task that is "running" for as long as needed. */
    final class GatedRunner implements TaskRunner {
        @Override
        public String kind() {
            return "GATED";
        }

        @Override
        public boolean accepts(JsonNode payload) {
            return "GATED".equals(payload.path("task_type").asText());
        }

        @Override
        public TaskOutcome run(TaskContext context) throws InterruptedException {
            started.countDown();
            release.await();
            return new TaskOutcome(json.createObjectNode().put("gated", "done"), null);
        }
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        if (runtime != null) {
            runtime.shutdown();
        }
    }

    private ProviderRuntime start(String wsOrigin, String drainTimeout) throws Exception {
        DaemonConfig config = new ConfigLoader(Map.of("STARKNET_ACCOUNT_ADDRESS", TestKeys.ADDRESS, "RELAYER_WS_URL", wsOrigin,
                "HEARTBEAT_INTERVAL", "1", "RECONNECT_MAX_DELAY", "0.5", "SMAINER_STATE_DIR", tmp.resolve("state").toString(),
                "SMAINER_STATUS_PORT", "0", "SMAINER_DRAIN_TIMEOUT", drainTimeout)).load(Path.of("/dev/null"), Map.of());
        NodeIdentity id = new NodeIdentity(config.nodeId(), config.accountAddress(), TestKeys.KEY);
        runtime = ProviderDaemon.assemble(config, id, new StarknetJvmCrypto(), HostPaths.system(), List.of(new GatedRunner()));
        runtime.start();
        return runtime;
    }

    private JsonNode status() throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.statusPort() + "/status"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private void awaitRegistered() {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> "registered".equals(status().get("connection_state").asText()));
    }

    @Test
    void relayerKilledAndRestartedWhileATaskRunsGetsTheResultOnce() throws Exception {
        Path data = tmp.resolve("relayer");
        RelayerLiteProcess first = RelayerLiteProcess.start(data, tmp.resolve("relayer1.log"), API_KEY, "it-callback-secret-runtime-5e8a");
        try (BlackHoleProxy proxy = new BlackHoleProxy(first.port())) {
            start("ws://127.0.0.1:" + proxy.port(), "120");
            awaitRegistered();
            String task = first.submit("{\"payload\":{\"task_type\":\"GATED\"}}");
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
            first.kill9();
            try (RelayerLiteProcess second = RelayerLiteProcess.start(data, tmp.resolve("relayer2.log"), API_KEY, "it-callback-secret-runtime-5e8a")) {
                proxy.upstream(second.port());
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                        .until(() -> status().get("reconnects").asInt() >= 1);
                release.countDown();
                JsonNode done = second.awaitStatus(task, "completed", Duration.ofSeconds(60));
                assertThat(done.get("result").get("gated").asText()).isEqualTo("done");
                await().atMost(Duration.ofSeconds(20)).until(() -> status().get("outbox_depth").asInt() == 0);
                JsonNode s = status();
                assertThat(s.get("tasks").get("completed").asInt()).as("ran once").isEqualTo(1);
                assertThat(s.get("connection_state").asText()).isEqualTo("registered");
            }
        }
    }

    @Test
    void drainFinishesTheRunningTaskRefusesNewOnesAndFlushes() throws Exception {
        try (RelayerLiteProcess relayer = RelayerLiteProcess.start(tmp.resolve("relayer"), tmp.resolve("relayer.log"), API_KEY, "it-callback-secret-runtime-5e8a")) {
            start(relayer.wsOrigin(), "60");
            awaitRegistered();
            String running = relayer.submit("{\"payload\":{\"task_type\":\"GATED\"}}");
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
            SignalTrap signals = new SignalTrap();
            signals.signal("SIGTERM");
            CompletableFuture<Void> drained = drainAsync(signals);
            await().atMost(Duration.ofSeconds(10)).until(() -> "draining".equals(status().get("drain_state").asText()));
            assertThat(drained).isNotDone();
            release.countDown();
            drained.get(30, TimeUnit.SECONDS);
            JsonNode done = relayer.awaitStatus(running, "completed", Duration.ofSeconds(30));
            assertThat(done.get("result").get("gated").asText()).isEqualTo("done");
            assertThat(status().get("outbox_depth").asInt()).isZero();
        }
    }

    @Test
    void secondSignalCancelsRunningTasksAndReportsThemFailed() throws Exception {
        try (RelayerLiteProcess relayer = RelayerLiteProcess.start(tmp.resolve("relayer"), tmp.resolve("relayer.log"), API_KEY, "it-callback-secret-runtime-5e8a")) {
            start(relayer.wsOrigin(), "600");
            awaitRegistered();
            String running = relayer.submit("{\"payload\":{\"task_type\":\"GATED\"}}");
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
            SignalTrap signals = new SignalTrap();
            signals.signal("SIGTERM");
            CompletableFuture<Void> drained = drainAsync(signals);
            await().atMost(Duration.ofSeconds(10)).until(() -> "draining".equals(status().get("drain_state").asText()));
            signals.signal("SIGTERM");
            drained.get(30, TimeUnit.SECONDS);
            JsonNode failed = relayer.awaitStatus(running, "failed", Duration.ofSeconds(30));
            assertThat(failed.get("error_message").asText()).contains("provider shut down");
        }
    }

    @Test
    void drainTimeoutCancelsWhatIsStillRunning() throws Exception {
        try (RelayerLiteProcess relayer = RelayerLiteProcess.start(tmp.resolve("relayer"), tmp.resolve("relayer.log"), API_KEY,
                "it-callback-secret-runtime-5e8a")) {
            start(relayer.wsOrigin(), "1");
            awaitRegistered();
            String running = relayer.submit("{\"payload\":{\"task_type\":\"GATED\"}}");
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
            SignalTrap signals = new SignalTrap();
            signals.signal("SIGTERM");
            runtime.drain(signals);
            JsonNode failed = relayer.awaitStatus(running, "failed", Duration.ofSeconds(30));
            assertThat(failed.get("error_message").asText()).contains("drain timeout of 1 s");
            assertThat(status().get("outbox_depth").asInt()).isZero();
        }
    }

    /** Runs the runtime's drain on another thread, as the daemon's signal handler does. */
    private CompletableFuture<Void> drainAsync(SignalTrap signals) {
        return CompletableFuture.runAsync(() -> {
            try {
                runtime.drain(signals);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

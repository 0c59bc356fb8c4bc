package io.smainer.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smainer.testkit.BlackHoleProxy;
import io.smainer.daemon.testing.DaemonProcess;
import io.smainer.daemon.testing.RelayerLiteProcess;
import io.smainer.daemon.testing.TestKeys;
import io.smainer.protocol.json.CanonicalJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon process against a real relayer-lite process over real sockets. */
class DaemonRelayerLiteIT {
    static final String API_KEY = "it-api-key-7f3e9a1c55d2";
    static final String CALLBACK_SECRET = "it-callback-secret-0b4d";

    @TempDir
    Path tmp;
    final ObjectMapper json = new ObjectMapper();

    private RelayerLiteProcess relayer(String name) throws Exception {
        return RelayerLiteProcess.start(tmp.resolve(name), tmp.resolve(name + ".log"), API_KEY, CALLBACK_SECRET);
    }

    private DaemonProcess daemon(String wsOrigin, String stateName, Map<String, String> extraEnv, String... args) throws Exception {
        Path ks = TestKeys.writeKeystore(tmp.resolve("keys"));
        Map<String, String> env = new HashMap<>(Map.of("STARKNET_ACCOUNT_ADDRESS", TestKeys.ADDRESS, "RELAYER_WS_URL", wsOrigin,
                "HEARTBEAT_INTERVAL", "1", "RECONNECT_MAX_DELAY", "0.5", "SMAINER_DRAIN_TIMEOUT", "10"));
        env.putAll(extraEnv);
        String[] all = Stream.concat(Stream.of("--keystore", ks.toString(), "--passphrase-file",
                tmp.resolve("keys/passphrase").toString()), Stream.of(args)).toArray(String[]::new);
        return DaemonProcess.start(tmp.resolve(stateName), tmp.resolve(stateName + ".log"), env, all);
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private long outboxFiles(Path state) throws Exception {
        Path dir = state.resolve("outbox");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".result.json")).count();
        }
    }

    @Test
    void registerTaskSignedResultAcceptedAndStatusReportsIt() throws Exception {
        try (RelayerLiteProcess relayer = relayer("relayer"); DaemonProcess d = daemon(relayer.wsOrigin(), "state", Map.of())) {
            d.showLogOnFailure(() -> {
                d.awaitRegistered(Duration.ofSeconds(60));
                String hashTask = relayer.submit("{\"payload\":{\"task_type\":\"HASH\",\"data\":\"hello smainer\"}}");
                JsonNode done = relayer.awaitStatus(hashTask, "completed", Duration.ofSeconds(60));
                assertThat(done.get("result").get("hash").asText()).isEqualTo(sha256("hello smainer"));
                assertThat(done.get("assigned_node_id").asText()).isEqualTo(TestKeys.ADDRESS.substring(2, 26));

                String matrixTask = relayer.submit("{\"payload\":{\"algorithm\":\"matrix_multiplication\","
                        + "\"matrix_a\":[[1,2],[3,4]],\"matrix_b\":[[5,6],[7,8]]},\"requirements\":{\"cpu_threads\":1}}");
                JsonNode m = relayer.awaitStatus(matrixTask, "completed", Duration.ofSeconds(60));
                assertThat(m.get("result").get("result").toString()).isEqualTo("[[19,22],[43,50]]");
                assertThat(CanonicalJson.canonicalJson(m.get("result"))).contains("\"checksum\":\"sha256:");

                await().atMost(Duration.ofSeconds(20)).until(() -> d.status().get("outbox_depth").asInt() == 0);
                JsonNode s = d.status();
                assertThat(s.get("tasks").get("completed").asInt()).isEqualTo(2);
                assertThat(s.get("relayer_acks_results").asBoolean()).isTrue();
                assertThat(s.get("last_heartbeat_ack").isTextual()).isTrue();
                assertThat(outboxFiles(tmp.resolve("state"))).isZero();
                assertThat(d.metrics()).contains("smainer_daemon_tasks_completed_total 2.0");

                // one daemon per state dir
                DaemonProcess second = daemon(relayer.wsOrigin(), "state", Map.of());
                assertThat(second.waitForExit(Duration.ofSeconds(60))).isEqualTo(69);
                assertThat(second.log()).contains("is in use by another smainer-daemon");

                d.terminate();
                assertThat(d.waitForExit(Duration.ofSeconds(30))).isZero();
                assertThat(d.log()).contains("drain:", "stopped");
            });
        }
    }

    @Test
    void blackHoledPathIsDetectedWithinTwoIntervalsAndReplaced() throws Exception {
        try (RelayerLiteProcess relayer = relayer("relayer"); BlackHoleProxy proxy = new BlackHoleProxy(relayer.port());
             DaemonProcess d = daemon("ws://127.0.0.1:" + proxy.port(), "state", Map.of())) {
            d.showLogOnFailure(() -> {
                d.awaitRegistered(Duration.ofSeconds(60));
                Thread.sleep(2500); // a few healthy heartbeat rounds
                assertThat(d.log()).doesNotContain("declaring the connection dead");
                long holedAt = System.nanoTime();
                proxy.blackHoleAll();
                proxy.restoreForNewConnections();
                d.awaitLog("declaring the connection dead", Duration.ofSeconds(10));
                double detectedAfter = (System.nanoTime() - holedAt) / 1e9;
                // 2 heartbeat intervals of 1 s, plus scheduling slack of a loaded 2-core VM
                assertThat(detectedAfter).isLessThanOrEqualTo(2.0 + 1.0);
                await().atMost(Duration.ofSeconds(30)).until(() -> proxy.connectionsAccepted() >= 2);
                d.awaitRegistered(Duration.ofSeconds(30));
                assertThat(d.status().get("reconnects").asInt()).isGreaterThanOrEqualTo(1);
                String task = relayer.submit("{\"payload\":{\"task_type\":\"HASH\",\"data\":\"after the black hole\"}}");
                relayer.awaitStatus(task, "completed", Duration.ofSeconds(60));
            });
        }
    }

    @Test
    void killedAfterFinishingBeforeSendingThenResentFromTheOutbox() throws Exception {
        try (RelayerLiteProcess relayer = relayer("relayer"); BlackHoleProxy proxy = new BlackHoleProxy(relayer.port())) {
            Path state = tmp.resolve("state");
            String task;
            try (DaemonProcess d = daemon("ws://127.0.0.1:" + proxy.port(), "state", Map.of("HEARTBEAT_INTERVAL", "5"))) {
                d.showLogOnFailure(() -> {
                    d.awaitRegistered(Duration.ofSeconds(60));
                });
                // results can no longer reach the relayer; assignments still reach the daemon
                proxy.dropClientToServer();
                task = relayer.submit("{\"payload\":{\"task_type\":\"HASH\",\"data\":\"durable\"}}");
                d.showLogOnFailure(() -> await().atMost(Duration.ofSeconds(30)).until(() -> outboxFiles(state) == 1));
                d.kill9();
            }
            assertThat(relayer.task(task).path("status").asText()).isNotEqualTo("completed");
            proxy.restoreForNewConnections();
            try (DaemonProcess again = daemon("ws://127.0.0.1:" + proxy.port(), "state", Map.of())) {
                again.showLogOnFailure(() -> {
                    JsonNode done = relayer.awaitStatus(task, "completed", Duration.ofSeconds(60));
                    assertThat(done.get("result").get("hash").asText()).isEqualTo(sha256("durable"));
                    assertThat(again.log()).contains("unacknowledged result(s) from a previous run will be resent");
                    await().atMost(Duration.ofSeconds(20)).until(() -> outboxFiles(state) == 0);
                    assertThat(again.status().get("tasks").get("completed").asInt()).as("sent from the outbox, not re-run").isZero();
                });
            }
        }
    }

    @Test
    void debugLogOfAFullSessionHoldsNoSecretsPayloadsOrResults() throws Exception {
        String payloadText = "PAYLOAD-TEXT-d41d8cd98f00";
        try (RelayerLiteProcess relayer = relayer("relayer");
             DaemonProcess d = daemon(relayer.wsOrigin(), "state", Map.of("LOG_LEVEL", "debug"))) {
            d.showLogOnFailure(() -> {
                d.awaitRegistered(Duration.ofSeconds(60));
                String t1 = relayer.submit("{\"payload\":{\"task_type\":\"HASH\",\"data\":\"" + payloadText + "\"}}");
                String t2 = relayer.submit("{\"payload\":{\"algorithm\":\"matrix_multiplication\",\"matrix_a\":[[31337]],"
                        + "\"matrix_b\":[[27183]]}}");
                relayer.awaitStatus(t1, "completed", Duration.ofSeconds(60));
                relayer.awaitStatus(t2, "completed", Duration.ofSeconds(60));
                d.terminate();
                assertThat(d.waitForExit(Duration.ofSeconds(30))).isZero();
                String log = d.log();
                assertThat(log).contains("DEBUG");
                assertThat(log.toLowerCase()).doesNotContain(TestKeys.PRIVATE_KEY_HEX)
                        .doesNotContain(new java.math.BigInteger(TestKeys.PRIVATE_KEY_HEX, 16).toString())
                        .doesNotContain(TestKeys.PASSPHRASE.toLowerCase())
                        .doesNotContain(API_KEY).doesNotContain(CALLBACK_SECRET)
                        .doesNotContain(payloadText.toLowerCase())
                        .doesNotContain(sha256(payloadText))
                        .doesNotContain("31337").doesNotContain("27183").doesNotContain(Long.toString(31337L * 27183L));
            });
        }
    }
}

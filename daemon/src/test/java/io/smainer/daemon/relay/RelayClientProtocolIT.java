package io.smainer.daemon.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.smainer.daemon.testing.DaemonProcess;
import io.smainer.daemon.testing.LoopbackRelayServer;
import io.smainer.daemon.testing.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon process against a loopback WebSocket peer that misbehaves: malformed, invalid, unknown,
 * binary and oversized frames, and a peer that never acks registration. The daemon must log,
 * answer or ignore — and never crash.
 */
class RelayClientProtocolIT {
    @TempDir
    Path tmp;

    private DaemonProcess daemon(LoopbackRelayServer peer, String... extra) throws Exception {
        Path ks = TestKeys.writeKeystore(tmp.resolve("keys"));
        Map<String, String> env = Map.of("STARKNET_ACCOUNT_ADDRESS", TestKeys.ADDRESS, "RELAYER_WS_URL",
                "ws://127.0.0.1:" + peer.port(), "HEARTBEAT_INTERVAL", "1", "RECONNECT_MAX_DELAY", "0.5");
        String[] args = new String[4 + extra.length];
        args[0] = "--keystore";
        args[1] = ks.toString();
        args[2] = "--passphrase-file";
        args[3] = tmp.resolve("keys/passphrase").toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return DaemonProcess.start(tmp.resolve("state"), tmp.resolve("daemon.log"), env, args);
    }

    @Test
    void hostileFramesAreLoggedAnsweredOrIgnoredNeverFatal() throws Exception {
        try (LoopbackRelayServer peer = new LoopbackRelayServer(); DaemonProcess d = daemon(peer)) {
            d.showLogOnFailure(() -> hostile(peer, d));
        }
    }

    private void hostile(LoopbackRelayServer peer, DaemonProcess d) throws Exception {
        {
            d.awaitRegistered(Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(10)).until(() -> peer.count("node_heartbeat") >= 1 && peer.count("ping") >= 1);

            peer.send("{this is not json");
            peer.send("[]");
            peer.send("{\"event_type\":\"task_assigned\",\"event_id\":\"e1\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"task_id\":\"t\"}");
            peer.send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2, 3})));
            peer.send("{\"event_type\":\"quantum_entangle\",\"event_id\":\"e2\",\"timestamp\":\"2026-01-01T00:00:00Z\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> peer.count("error") == 1);
            assertThat(peer.received.stream().filter(n -> n.path("event_type").asText().equals("error")).findFirst().orElseThrow()
                    .get("error_message").asText()).contains("quantum_entangle");
            assertThat(peer.connections).as("same connection after malformed frames").hasSize(1);
            assertThat(d.process().isAlive()).isTrue();
            assertThat(d.metrics()).contains("smainer_daemon_relay_invalid_frames_total 5.0");

            // 9 MiB text frame: over the protocol's 8 MiB limit
            peer.sendAndForget("{\"event_type\":\"ping\",\"pad\":\"" + "x".repeat(9 << 20) + "\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> peer.connections.size() >= 2);
            d.awaitRegistered(Duration.ofSeconds(20));
            assertThat(d.process().isAlive()).isTrue();
            assertThat(d.log()).contains("reconnect attempt").doesNotContain("Exception in thread");
        }
    }

    @Test
    void wssRejectsAnUntrustedCertificateAndKeepsRetrying() throws Exception {
        Path ks = tmp.resolve("tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "EC", "-alias", "relay", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).isZero();
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        try (LoopbackRelayServer peer = new LoopbackRelayServer(io.netty.handler.ssl.SslContextBuilder.forServer(kmf).build());
             DaemonProcess d = daemonAt("wss://localhost:" + peer.port())) {
            d.showLogOnFailure(() -> {
                await().atMost(Duration.ofSeconds(30)).until(() -> d.log().split("reconnect attempt", -1).length > 3);
                assertThat(d.log()).contains("SSLHandshakeException").contains("PKIX path building failed");
                assertThat(peer.count("node_register")).as("nothing is sent over an untrusted TLS session").isZero();
                assertThat(d.status().get("connection_state").asText()).isNotEqualTo("registered");
            });
        }
    }

    private DaemonProcess daemonAt(String origin) throws Exception {
        Path keys = TestKeys.writeKeystore(tmp.resolve("keys"));
        return DaemonProcess.start(tmp.resolve("state"), tmp.resolve("daemon.log"), Map.of("STARKNET_ACCOUNT_ADDRESS",
                TestKeys.ADDRESS, "RELAYER_WS_URL", origin, "RECONNECT_MAX_DELAY", "0.5"), "--keystore", keys.toString(),
                "--passphrase-file", tmp.resolve("keys/passphrase").toString());
    }

    @Test
    void sigtermDrainsWithADrainingHeartbeatAndExitsZero() throws Exception {
        try (LoopbackRelayServer peer = new LoopbackRelayServer(); DaemonProcess d = daemon(peer, "--heartbeat-interval", "30")) {
            d.showLogOnFailure(() -> {
                d.awaitRegistered(Duration.ofSeconds(30));
                await().atMost(Duration.ofSeconds(10)).until(() -> peer.count("node_heartbeat") == 1);
                assertThat(peer.received.stream().filter(n -> n.path("event_type").asText().equals("node_heartbeat"))
                        .findFirst().orElseThrow().get("draining").asBoolean()).isFalse();
                d.terminate();
                assertThat(d.waitForExit(Duration.ofSeconds(30))).isZero();
                assertThat(peer.received.stream().filter(n -> n.path("event_type").asText().equals("node_heartbeat"))
                        .anyMatch(n -> n.get("draining").asBoolean())).as("a heartbeat reported draining").isTrue();
                assertThat(d.log()).contains("SIGTERM received: draining", "stopped");
            });
        }
    }

    @Test
    void relayerThatNeverAcksResultsGetsThemDroppedAfterSendPlusGrace() throws Exception {
        try (LoopbackRelayServer peer = new LoopbackRelayServer(); DaemonProcess d = daemon(peer, "--outbox-unacked-grace", "4")) {
            d.showLogOnFailure(() -> {
                d.awaitRegistered(Duration.ofSeconds(30));
                peer.send("{\"event_type\":\"task_assigned\",\"event_id\":\"a1\",\"timestamp\":\"2026-01-01T00:00:00Z\","
                        + "\"task_id\":\"no-ack-task\",\"payload\":{\"task_type\":\"HASH\",\"data\":\"x\"},\"timeout_seconds\":30}");
                await().atMost(Duration.ofSeconds(20)).until(() -> peer.count("task_completed") == 1);
                assertThat(d.status().get("outbox_depth").asInt()).as("kept through the grace period").isEqualTo(1);
                await().atMost(Duration.ofSeconds(20)).until(() -> d.status().get("outbox_depth").asInt() == 0);
                assertThat(d.log()).contains("does not ack results");
                assertThat(peer.count("task_completed")).isEqualTo(1);
            });
        }
    }

    @Test
    void missingRegistrationAckMeansReconnect() throws Exception {
        try (LoopbackRelayServer peer = new LoopbackRelayServer(); DaemonProcess d = daemon(peer, "--register-ack-timeout", "1")) {
            d.showLogOnFailure(() -> noAck(peer, d));
        }
    }

    private void noAck(LoopbackRelayServer peer, DaemonProcess d) throws Exception {
        {
            peer.ackRegistration(false);
            await().atMost(Duration.ofSeconds(30)).until(() -> peer.count("node_register") >= 2);
            d.awaitLog("no ack of node_register within 1000 ms", Duration.ofSeconds(5));
            assertThat(peer.count("node_heartbeat")).as("no heartbeats before registration").isZero();
            peer.ackRegistration(true);
            d.awaitRegistered(Duration.ofSeconds(30));
        }
    }
}

package io.smainer.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.smainer.chain.StarknetNetwork;
import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliRun;
import io.smainer.cli.ExitCodes;
import io.smainer.cli.node.DaemonStatusClient;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Starknet RPC check against real loopback sockets: a dead port (connection refused), a server that answers
 * HTTP 500, garbage or nothing at all; and the whole {@code smainer doctor} with a dead RPC, which used to end
 * with exit 74 before printing anything and must instead FAIL that one check and run all the others.
 */
class StarknetRpcCheckIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    HttpServer server;
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    /** A port nothing listens on: bound, then closed. */
    static int deadPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A loopback server that answers every request with {@code status} and {@code body} (null: never answers). */
    URI serve(int status, String body) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (body == null) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            exchange.getResponseBody().write(b);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rpc");
    }

    DoctorContext context(URI rpc) {
        CliRun run = new CliRun(home);
        CliEnvironment env = new CliEnvironment(run.env, home, InputStream.nullInputStream(), new PrintWriter(Writer.nullWriter()),
                new PrintWriter(Writer.nullWriter()), null, Clock.systemUTC(), false);
        return new DoctorContext(env, env.clock(), home.resolve(".smainer/provider.toml"), null, () -> {
            throw new IllegalStateException("no relayer here");
        }, () -> new StarknetNetwork(rpc, StarknetNetwork.DEVNET_ESCROW, StarknetNetwork.STRK_ADDRESS),
                () -> new DaemonStatusClient.Answer(URI.create("http://127.0.0.1:1/status"), "test", null, "down"));
    }

    CheckResult check(URI rpc, Duration timeout) {
        return DoctorCommand.runOne(new StarknetRpcCheck(timeout), context(rpc));
    }

    @Test
    void deadPortIsConnectionRefusedWithTheUrlAndTheFix() throws Exception {
        URI rpc = URI.create("http://127.0.0.1:" + deadPort() + "/rpc");
        CheckResult r = check(rpc, Duration.ofSeconds(5));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).isEqualTo("cannot reach the Starknet RPC at " + rpc + " (connection refused)");
        assertThat(r.fix()).contains("start the devnet", "--rpc", "SMAINER_STARKNET_RPC");
    }

    @Test
    void http500IsItsStatus() throws Exception {
        URI rpc = serve(500, "{\"oops\":1}");
        CheckResult r = check(rpc, Duration.ofSeconds(5));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).contains(rpc.toString(), "HTTP 500", "{\"oops\":1}");
        assertThat(r.fix()).contains("--rpc / SMAINER_STARKNET_RPC", "JSON-RPC endpoint");
    }

    @Test
    void garbageIsNotJson() throws Exception {
        URI rpc = serve(200, "<html>\n<body>it works</body>\n</html>");
        CheckResult r = check(rpc, Duration.ofSeconds(5));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).contains(rpc.toString(), "a body that is not JSON", "<html> <body>it works");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        URI rpc = serve(200, null);
        long start = System.nanoTime();
        CheckResult r = check(rpc, Duration.ofMillis(300));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).contains(rpc.toString(), "no answer within 300 ms");
    }

    @Test
    void aDeadRpcFailsOnlyItsCheckAndDoctorRunsEveryOther() throws Exception {
        CliRun cli = new CliRun(home);
        String rpc = "http://127.0.0.1:" + deadPort() + "/rpc";
        cli.env.put("SMAINER_RELAYER_API", "http://127.0.0.1:" + deadPort() + "/api/v1");
        cli.run("doctor", "--json", "--rpc", rpc);
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.FAILED);
        JsonNode report = JSON.readTree(cli.out);
        Map<String, JsonNode> byName = new HashMap<>();
        report.get("checks").forEach(c -> byName.put(c.get("check").asText(), c));
        assertThat(byName).containsKeys("java", "config", "keystore", "relayer", "clock", "node_register", "starknet_rpc",
                "onchain_node", "isolation", "gpu", "disk", "systemd");
        assertThat(byName.get("starknet_rpc").get("verdict").asText()).isEqualTo("FAIL");
        assertThat(byName.get("starknet_rpc").get("message").asText()).contains(rpc, "connection refused");
        assertThat(byName.get("java").get("verdict").asText()).isEqualTo("PASS");

        cli.run("doctor", "--rpc", rpc);
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.out).contains("FAIL  starknet_rpc  cannot reach the Starknet RPC at " + rpc + " (connection refused)",
                "fix: start the devnet", "12 checks: ");
    }
}

package io.smainer.daemon.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** smainer-daemon as a real child JVM (the test class path), its log in a file, its status over HTTP. */
public final class DaemonProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final Path stateDir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private DaemonProcess(Process process, Path log, Path stateDir) {
        this.process = process;
        this.log = log;
        this.stateDir = stateDir;
    }

    public static DaemonProcess start(Path stateDir, Path log, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "io.smainer.daemon.ProviderDaemon", "--config", "/dev/null", "--state-dir", stateDir.toString(),
                "--status-port", "0"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("SMAINER_") || k.startsWith("STARKNET_") || k.equals("NODE_ID")
                || k.equals("RELAYER_WS_URL") || k.equals("HEARTBEAT_INTERVAL") || k.equals("MAX_CONCURRENT_TASKS")
                || k.equals("LOG_LEVEL") || k.startsWith("RECONNECT_"));
        pb.environment().putAll(env);
        return new DaemonProcess(pb.start(), log, stateDir);
    }

    public Process process() {
        return process;
    }

    public String log() throws Exception {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public void awaitLog(String text, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> log().contains(text));
    }

    /** GET /status via the port in status.json. */
    public JsonNode status() throws Exception {
        JsonNode s = json.readTree(stateDir.resolve("status.json").toFile());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.get("url").asText() + "/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    public String metrics() throws Exception {
        JsonNode s = json.readTree(stateDir.resolve("status.json").toFile());
        return http.send(HttpRequest.newBuilder(URI.create(s.get("url").asText() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    public void awaitRegistered(Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> "registered".equals(status().get("connection_state").asText()));
    }

    /** SIGTERM. */
    public void terminate() {
        process.destroy();
    }

    public void kill9() throws Exception {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public int waitForExit(Duration within) throws Exception {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("daemon did not exit within " + within + "; log:\n" + log());
        }
        return process.exitValue();
    }

    /** A test step that may throw. */
    public interface Step {
        void run() throws Exception;
    }

    /** Runs {@code step}; on failure the daemon's log is attached to the error. */
    public void showLogOnFailure(Step step) throws Exception {
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            String threads = "";
            if (process.isAlive()) {
                Process js = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                        Long.toString(process.pid())).redirectErrorStream(true).start();
                threads = new String(js.getInputStream().readAllBytes());
            }
            throw new AssertionError(e.getMessage() + "\n---- daemon log ----\n" + log() + "\n---- threads ----\n" + threads, e);
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

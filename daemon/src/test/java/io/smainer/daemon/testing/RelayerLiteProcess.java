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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real relayer-lite as a separate JVM process (never a Maven dependency of the daemon), started
 * from {@code relayer-lite/target} as the reactor builds it before the daemon.
 */
public final class RelayerLiteProcess implements AutoCloseable {
    public static final Path MODULE = Path.of("..", "relayer-lite", "target").toAbsolutePath().normalize();
    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final String apiKey;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final JsonNode endpoint;

    private RelayerLiteProcess(Process process, Path dataDir, Path log, String apiKey) throws Exception {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.apiKey = apiKey;
        Path ep = dataDir.resolve("endpoint.json");
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || (Files.exists(ep) && Files.size(ep) > 0));
        } catch (RuntimeException e) {
            throw new AssertionError("relayer-lite wrote no endpoint.json in 60 s; log:\n" + log(), e);
        }
        if (!process.isAlive()) {
            throw new AssertionError("relayer-lite exited with " + process.exitValue() + "; log:\n" + log());
        }
        this.endpoint = json.readTree(ep.toFile());
    }

    /** Starts relayer-lite on {@code port} (0 = ephemeral) with its data in {@code dataDir}. */
    public static RelayerLiteProcess start(Path dataDir, Path log, String apiKey, String callbackSecret) throws Exception {
        Path jar = MODULE.resolve("smainer-relayer-lite-0.1.0.jar");
        if (!Files.exists(jar) || !Files.isDirectory(MODULE.resolve("lib"))) {
            throw new AssertionError("relayer-lite is not built at " + MODULE + ": run mvn -B package -pl relayer-lite -DskipTests "
                    + "(the reactor builds it before the daemon)");
        }
        Files.createDirectories(dataDir);
        Files.deleteIfExists(dataDir.resolve("endpoint.json"));
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", jar + java.io.File.pathSeparator + MODULE.resolve("lib") + "/*",
                "io.smainer.relayer.RelayerLite", "--port", "0", "--data-dir", dataDir.toString(), "--api-key", apiKey,
                "--callback-secret", callbackSecret,
                // Daemon ITs test the relay protocol, not the chain: no embedded devnet, hence no on-chain key check.
                "--embedded-devnet=false");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new RelayerLiteProcess(p, dataDir, log, apiKey);
    }

    public int port() {
        return endpoint.get("port").asInt();
    }

    public String wsOrigin() {
        return endpoint.get("ws").asText();
    }

    public String log() throws Exception {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** POST /tasks; returns the task id. */
    public String submit(String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint.get("http").asText() + "/tasks"))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError("POST /tasks answered " + r.statusCode() + ": " + r.body());
        }
        return json.readTree(r.body()).get("task_id").asText();
    }

    public JsonNode task(String id) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint.get("http").asText() + "/tasks/" + id))
                .header("Authorization", "Bearer " + apiKey).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    /** Waits until the task reaches {@code status}; returns its view. */
    public JsonNode awaitStatus(String id, String status, Duration within) throws Exception {
        await().atMost(within).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> status.equals(task(id).path("status").asText()));
        return task(id);
    }

    public void kill9() throws Exception {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}

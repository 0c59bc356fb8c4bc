package io.smainer.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.testkit.AppProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The real provider daemon ({@code io.smainer.daemon.ProviderDaemon}) as a process; {@link #close()} kills it. */
public final class Daemon implements AutoCloseable {
    private final AppProcess process;
    private final Path stateDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Daemon(AppProcess process, Path stateDir) {
        this.process = process;
        this.stateDir = stateDir;
    }

    /**
     * Starts it against {@code relayerWs} for {@code address} with {@code privateKeyHex} (environment, a throwaway devnet key),
     * CUSTOM tasks on with {@code sh}, AI tasks off, a 1 s heartbeat; waits for {@code <stateDir>/status.json}.
     * {@code extra} flags win over these (e.g. {@code --enable-ai-tasks true --ollama-base-url URL}).
     */
    public static Daemon start(String relayerWs, Path stateDir, String address, String privateKeyHex, String... extra)
            throws IOException, InterruptedException {
        Files.createDirectories(stateDir);
        Map<String, String> env = new HashMap<>();
        env.put("STARKNET_PRIVATE_KEY", privateKeyHex);
        env.put("SMAINER_ENABLE_CUSTOM_TASKS", "true");
        env.put("SMAINER_CUSTOM_RUNTIMES", "sh=/bin/sh");
        env.put("SMAINER_ENABLE_AI_TASKS", "false");
        List<String> args = new java.util.ArrayList<>(List.of("--config", "/dev/null", "--relayer", relayerWs,
                "--state-dir", stateDir.toString(), "--status-port", "0", "--account", address, "--heartbeat-interval", "1",
                "--reconnect-max-delay", "2"));
        args.addAll(List.of(extra));
        AppProcess p = AppProcess.start("daemon", "io.smainer.daemon.ProviderDaemon",
                stateDir.resolveSibling(stateDir.getFileName() + ".log"),
                List.of("-Dsmainer.home=" + AppProcess.repo()), args, env);
        try {
            p.awaitFile(stateDir.resolve("status.json"), 90);
            return new Daemon(p, stateDir);
        } catch (IOException | InterruptedException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    public Path stateDir() {
        return stateDir;
    }

    /** GET /status via the port in status.json. */
    public JsonNode status() throws IOException, InterruptedException {
        JsonNode s = RelayerLite.JSON.readTree(stateDir.resolve("status.json").toFile());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.get("url").asText() + "/status"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return RelayerLite.JSON.readTree(r.body());
    }

    /** Whether the relayer acknowledged its node_register. */
    public boolean registered() {
        try {
            return "registered".equals(status().path("connection_state").asText());
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Path logFile() {
        return process.logFile();
    }

    public String log() throws IOException {
        return process.tail();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}

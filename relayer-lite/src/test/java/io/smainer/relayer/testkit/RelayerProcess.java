package io.smainer.relayer.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged relayer ({@code target/smainer-relayer-lite-*.jar} + {@code target/lib/*}) as a separate
 * JVM, the way other modules' tests and operators run it, so that it can be killed with SIGKILL.
 */
public final class RelayerProcess implements AutoCloseable {
    /** For tests that neither pay nor register nodes on chain: the embedded devnet runs, its rules are off. */
    public static final String[] NO_CHAIN_RULES = {"--require-payment=false", "--enforce-onchain-key=false"};

    private final Process process;
    private final Path dataDir;
    private final int port;

    private RelayerProcess(Process process, Path dataDir, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts the relayer and waits for its {@code endpoint.json}. */
    public static RelayerProcess start(Path dataDir, int port, String... extraArgs) throws IOException, InterruptedException {
        String jar = System.getProperty("relayer.jar", "target/smainer-relayer-lite-0.1.0.jar");
        String lib = System.getProperty("relayer.lib", "target/lib");
        Files.deleteIfExists(dataDir.resolve("endpoint.json"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseParallelGC"));
        // -Drelayer.jvm.args adds JVM flags (e.g. a JFR recording for a benchmark run).
        String jvmArgs = System.getProperty("relayer.jvm.args", "").trim();
        if (!jvmArgs.isEmpty()) {
            cmd.addAll(List.of(jvmArgs.split("\\s+")));
        }
        cmd.addAll(List.of("-cp", jar + File.pathSeparator + lib + "/*", "io.smainer.relayer.RelayerLite",
                "--port", Integer.toString(port), "--data-dir", dataDir.toString(),
                "--callback-secret", InProcessRelayer.CALLBACK_SECRET));
        cmd.addAll(List.of(extraArgs));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(dataDir.resolve("endpoint.json"))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("relayer did not start (exit " + (p.isAlive() ? "none" : p.exitValue())
                        + "); see " + dataDir.resolveSibling(dataDir.getFileName() + ".log"));
            }
            Thread.sleep(50);
        }
        return new RelayerProcess(p, dataDir, port);
    }

    public int port() {
        return port;
    }

    public JsonNode endpoint() throws IOException {
        return new ObjectMapper().readTree(dataDir.resolve("endpoint.json").toFile());
    }

    public String apiKey() throws IOException {
        return Files.readString(dataDir.resolve("api-key")).trim();
    }

    /** SIGKILL: no shutdown hook runs. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM and the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("relayer did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }
}

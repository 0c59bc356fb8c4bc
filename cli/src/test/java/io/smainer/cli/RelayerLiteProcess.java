package io.smainer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smainer.testkit.AppProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The real relayer-lite ({@code io.smainer.relayer.RelayerLite}) as a process on an ephemeral port, in
 * devnet mode with a known API key; {@link #close()} kills it.
 */
public final class RelayerLiteProcess implements AutoCloseable {
    public static final String API_KEY = "cli-test-api-key-0123456789abcdef";
    public static final String CALLBACK_SECRET = "cli-test-callback-secret-0123456789";

    private final AppProcess process;
    private final JsonNode endpoint;

    private RelayerLiteProcess(AppProcess process, JsonNode endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static RelayerLiteProcess start(Path dataDir) throws IOException, InterruptedException {
        // The chain in these tests is the test's own LoopbackDevnet, so relayer-lite runs without its embedded devnet
        // and records on_chain_task_id unverified (payment not required), as a relayer with no chain client does.
        AppProcess p = AppProcess.start("relayer-lite", "io.smainer.relayer.RelayerLite", dataDir.resolveSibling(dataDir.getFileName() + ".log"),
                List.of("--port", "0", "--data-dir", dataDir.toString(), "--api-key", API_KEY, "--callback-secret", CALLBACK_SECRET,
                        "--devnet", "--embedded-devnet=false", "--require-payment=false", "--enforce-onchain-key=false"));
        try {
            p.awaitFile(dataDir.resolve("endpoint.json"), 60);
            return new RelayerLiteProcess(p, new ObjectMapper().readTree(dataDir.resolve("endpoint.json").toFile()));
        } catch (IOException | InterruptedException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:PORT/api/v1}. */
    public String http() {
        return endpoint.get("http").asText();
    }

    /** {@code ws://127.0.0.1:PORT}. */
    public String ws() {
        return endpoint.get("ws").asText();
    }

    /** Environment for CliRun: the relayer's API base and key. */
    public void configure(CliRun cli) {
        cli.env.put("SMAINER_RELAYER_API", http());
        cli.env.put("SMAINER_API_KEY", API_KEY);
    }

    public String log() throws IOException {
        return process.tail();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}

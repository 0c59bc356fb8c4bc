package io.smainer.sandbox.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.sandbox.SandboxException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceBackendTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private LoopbackModelServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackModelServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ObjectNode payload(String model) {
        return JSON.createObjectNode().put("type", "ai_inference").put("prompt", "What is the capital of France?")
                .put("model", model);
    }

    @Test
    void ollamaGenerateIsExactlyTheProductionRequest() throws Exception {
        OllamaBackend backend = new OllamaBackend(server.base(), OllamaBackend.PRODUCTION_TIMEOUT);
        InferenceResult r = backend.generate(InferenceRequest.parse(payload("llama3.1:8b"), null), null);
        assertThat(server.paths).containsExactly("POST /api/generate");
        assertThat(server.requests.get(0).toString()).isEqualTo("{\"model\":\"llama3.1:8b\",\"prompt\":\"What is the capital"
                + " of France?\",\"stream\":false,\"options\":{\"num_predict\":512}}");
        assertThat(r.text()).isEqualTo("Paris is the capital.");
        assertThat(r.promptTokens()).isEqualTo(26);
        assertThat(r.completionTokens()).isEqualTo(6);
    }

    @Test
    void ollamaStreamingDeliversChunksInOrder() throws Exception {
        List<String> chunks = new ArrayList<>();
        InferenceResult r = new OllamaBackend(server.base(), Duration.ofSeconds(10))
                .generate(InferenceRequest.parse(payload("llama3.1:8b"), null), chunks::add);
        assertThat(server.requests.get(0).path("stream").asBoolean()).isTrue();
        assertThat(chunks).containsExactly("Paris", " is", " the", " capital.");
        assertThat(r.text()).isEqualTo("Paris is the capital.");
        assertThat(r.completionTokens()).isEqualTo(4);
    }

    @Test
    void openAiChatPlainAndStreaming() throws Exception {
        OpenAiCompatibleBackend backend = new OpenAiCompatibleBackend(server.base(), Duration.ofSeconds(10));
        InferenceResult plain = backend.generate(InferenceRequest.parse(payload("mistral-7b"), null), null);
        assertThat(server.requests.get(0).toString()).isEqualTo("{\"model\":\"mistral-7b\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"What is the capital of France?\"}],\"max_tokens\":512,\"stream\":false}");
        assertThat(plain.text()).isEqualTo("Paris.");
        assertThat(plain.promptTokens()).isEqualTo(12);
        List<String> chunks = new ArrayList<>();
        InferenceResult streamed = backend.generate(InferenceRequest.parse(payload("mistral-7b"), null), chunks::add);
        assertThat(server.requests.get(1).path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(chunks).containsExactly("Par", "is", ".");
        assertThat(streamed.text()).isEqualTo("Paris.");
        assertThat(streamed.completionTokens()).isEqualTo(3);
    }

    @Test
    void modelsAreTheBackendListingIntersectedWithTheAllowList() throws Exception {
        assertThat(new ModelCatalog(new OllamaBackend(server.base(), Duration.ofSeconds(5)), Set.of("llama3.1:8b", "gone"))
                .offered()).containsExactly("llama3.1:8b");
        assertThat(new ModelCatalog(new OpenAiCompatibleBackend(server.base(), Duration.ofSeconds(5)), Set.of("*"))
                .offered()).containsExactly("qwen2.5-0.5b-instruct", "mistral-7b");
        assertThat(new ModelCatalog(new OllamaBackend(server.base(), Duration.ofSeconds(5)), Set.of()).offered()).isEmpty();
    }

    @Test
    void unreachableBackendIsBackendUnavailable() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        OllamaBackend dead = new OllamaBackend(URI.create("http://127.0.0.1:" + deadPort), Duration.ofSeconds(2));
        assertThatThrownBy(() -> dead.generate(InferenceRequest.parse(payload("llama3.1:8b"), null), null))
                .isInstanceOfSatisfying(SandboxException.class, e -> {
                    assertThat(e.code()).isEqualTo(TaskErrorCode.BACKEND_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("OLLAMA_BASE_URL").doesNotContain("capital");
                });
        server.failStatus = 503;
        assertThatThrownBy(() -> new OllamaBackend(server.base(), Duration.ofSeconds(2))
                .generate(InferenceRequest.parse(payload("x"), null), null))
                .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.code()).isEqualTo(TaskErrorCode.BACKEND_UNAVAILABLE));
        server.failStatus = 404;
        assertThatThrownBy(() -> new OllamaBackend(server.base(), Duration.ofSeconds(2))
                .generate(InferenceRequest.parse(payload("nope"), null), null))
                .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.code()).isEqualTo(TaskErrorCode.INVALID_PAYLOAD));
    }

    @Test
    void nonLoopbackBackendIsRefused() {
        assertThatThrownBy(() -> new OllamaBackend(URI.create("http://192.0.2.10:11434"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OLLAMA_BASE_URL").hasMessageContaining("loopback");
    }

    @Test
    void executorProducesResultAndEffortMetricsWithGpuSamples(@TempDir Path dir) throws Exception {
        Path smi = dir.resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\necho '50, 2048'\n");
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
        OllamaBackend backend = new OllamaBackend(server.base(), Duration.ofSeconds(10));
        AiInferenceExecutor executor = new AiInferenceExecutor(backend, new ModelCatalog(backend, Set.of("llama3.1:8b")),
                new GpuSampler(smi, 10), "llama3.1:8b");
        List<String> chunks = new ArrayList<>();
        AiInferenceExecutor.Outcome out = executor.execute(JSON.createObjectNode().put("type", "ai_inference")
                .put("prompt", "hi"), chunks::add);
        assertThat(out.resultData().path("response").asText()).isEqualTo("Paris is the capital.");
        assertThat(out.resultData().has("prompt")).isFalse();
        assertThat(out.effort().tokensInput()).isEqualTo(26);
        assertThat(out.effort().tokensOutput()).isEqualTo(4);
        assertThat(out.effort().modelId()).isEqualTo("llama3.1:8b");
        assertThat(out.effort().peakVramUsedGb()).isEqualTo(2.0);
        assertThat(out.effort().gpuTimeSeconds()).isNotNull();
        assertThat(out.toString()).doesNotContain("Paris");
        assertThatThrownBy(() -> executor.execute(payload("mistral-7b"), null))
                .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.code()).isEqualTo(TaskErrorCode.NOT_ELIGIBLE));
        assertThatThrownBy(() -> executor.execute(JSON.createObjectNode().put("type", "ai_inference"), null))
                .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.code()).isEqualTo(TaskErrorCode.INVALID_PAYLOAD));
        AiInferenceExecutor noGpu = new AiInferenceExecutor(backend, new ModelCatalog(backend, Set.of("*")),
                new GpuSampler(dir.resolve("absent"), 10), null);
        assertThat(noGpu.execute(payload("llama3.1:8b"), null).effort().gpuTimeSeconds()).isNull();
    }
}

package io.smainer.daemon.isolation;

import io.smainer.daemon.config.AiSettings;
import io.smainer.daemon.config.DaemonConfig;
import io.smainer.daemon.task.ResultLink;
import io.smainer.sandbox.TaskUser;
import io.smainer.sandbox.ai.AiInferenceExecutor;
import io.smainer.sandbox.ai.GpuSampler;
import io.smainer.sandbox.ai.InferenceBackend;
import io.smainer.sandbox.ai.ModelCatalog;
import io.smainer.sandbox.ai.OllamaBackend;
import io.smainer.sandbox.ai.OpenAiCompatibleBackend;
import io.smainer.sandbox.custom.CustomTaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandboxed kinds built from the config, for the composition root and {@code --selftest}: the task
 * isolation (probe, sandbox), the CUSTOM and AI_INFERENCE runners and the model offer.
 *
 * @param customExecutor null when CUSTOM tasks are refused
 * @param aiExecutor     null when AI tasks are disabled
 */
public record SandboxedKinds(TaskIsolation isolation, CustomTaskExecutor customExecutor, CustomTaskRunner custom,
                             AiInferenceExecutor aiExecutor, AiInferenceRunner ai, ModelOffer models) {
    private static final Logger log = LoggerFactory.getLogger(SandboxedKinds.class);
    /** Listing models must not hold up a registration for long: a healthy local server answers in milliseconds. */
    static final Duration LIST_TIMEOUT = Duration.ofSeconds(5);
    static final Path NVIDIA_SMI = Path.of("/usr/bin/nvidia-smi");
    static final Path PASSWD = Path.of("/etc/passwd");
    static final String DISABLED = "CUSTOM tasks are disabled on this node (enable_custom_tasks=false; set"
            + " ENABLE_CUSTOM_TASKS=true and custom_runtimes to offer them)";

    /**
     * @param cgroupParent directory for task cgroups ({@code sandbox_cgroup_parent}; the self-test uses its own)
     * @param procRoot     normally {@code /proc}
     * @param openSandbox  open the sandbox even when CUSTOM is disabled (the self-test exercises it)
     */
    public static SandboxedKinds assemble(DaemonConfig config, ResultLink link, String cgroupParent, Path procRoot,
                                          boolean openSandbox) {
        TaskUser user = TaskUser.resolve(config.sandbox().taskUid(), config.sandbox().taskGid(), PASSWD);
        boolean customEnabled = config.sandbox().customEnabled();
        TaskIsolation isolation = TaskIsolation.start(config.sandbox(), user, cgroupParent, procRoot,
                customEnabled || openSandbox);
        CustomTaskExecutor customExecutor = null;
        CustomTaskRunner custom;
        if (!customEnabled) {
            custom = CustomTaskRunner.refusing(DISABLED);
        } else if (isolation.sandbox() != null) {
            customExecutor = new CustomTaskExecutor(isolation.sandbox(), config.sandbox().runtimes(),
                    TaskIsolation.limits(config.sandbox(), config.defaultTimeout()));
            custom = CustomTaskRunner.running(customExecutor);
            log.info("CUSTOM tasks enabled: runtimes {}, task user {}:{}, memory {} MiB, output caps {}/{} B",
                    config.sandbox().runtimes().interpreters().keySet(), user.uid(), user.gid(),
                    config.sandbox().memoryBytes() >> 20, config.sandbox().stdoutCapBytes(), config.sandbox().stderrCapBytes());
            config.sandbox().runtimes().interpreters().forEach((name, path) -> {
                if (!java.nio.file.Files.isExecutable(path)) {
                    log.warn("CUSTOM runtime '{}' points at {}, which is not an executable file: its tasks will fail;"
                            + " install it or remove it from custom_runtimes", name, path);
                }
            });
        } else {
            custom = CustomTaskRunner.refusing(isolation.refusalReason());
            log.warn("CUSTOM tasks refused: {}", isolation.refusalReason());
        }
        AiSettings ai = config.ai();
        AiInferenceExecutor aiExecutor = null;
        ModelCatalog catalog = null;
        if (ai.enabled()) {
            catalog = new ModelCatalog(backend(ai, LIST_TIMEOUT), ai.allowedModels());
            aiExecutor = new AiInferenceExecutor(backend(ai, OllamaBackend.PRODUCTION_TIMEOUT), catalog,
                    new GpuSampler(NVIDIA_SMI, 500), ai.defaultModel().isEmpty() ? null : ai.defaultModel());
        }
        ModelOffer models = new ModelOffer(catalog, ai.backend().configName(), ai.baseUrl().toString());
        return new SandboxedKinds(isolation, customExecutor, custom, aiExecutor,
                new AiInferenceRunner(aiExecutor, link, models, ai.defaultModel()), models);
    }

    static InferenceBackend backend(AiSettings ai, Duration timeout) {
        return switch (ai.backend()) {
            case OLLAMA -> new OllamaBackend(ai.ollamaBaseUrl(), timeout);
            case OPENAI -> new OpenAiCompatibleBackend(ai.openAiBaseUrl(), timeout);
        };
    }
}

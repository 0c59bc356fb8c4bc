package io.smainer.daemon.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The daemon's effective configuration: immutable, validated once by {@link ConfigLoader}. Secrets
 * are {@link Secret}s, so printing this record never shows them.
 */
public record DaemonConfig(
        URI relayerUrl,
        String wsPathTemplate,
        String nodeId,
        String accountAddress,
        Secret privateKey,
        Path keystore,
        Path passphraseFile,
        Secret keystorePassword,
        Path stateDir,
        String statusHost,
        int statusPort,
        int maxConcurrentTasks,
        Duration heartbeatInterval,
        Duration registerAckTimeout,
        Duration reconnectInitialDelay,
        Duration reconnectMaxDelay,
        double reconnectBackoffMultiplier,
        Duration drainTimeout,
        Duration outboxRetention,
        Duration outboxUnackedGrace,
        int matrixMaxDimension,
        Duration defaultTimeout,
        SandboxSettings sandbox,
        AiSettings ai,
        String logLevel) {

    /** No inbound traffic for this long means the connection is dead (issue 5: 2 × heartbeat interval). */
    public Duration deadConnectionTimeout() {
        return heartbeatInterval.multipliedBy(2);
    }

    /** A connection registered for this long resets the reconnect backoff. */
    public Duration stableConnection() {
        return heartbeatInterval.multipliedBy(2);
    }

    /** The WebSocket URI of this node: relayer origin + path template with {@code {node_id}} filled in. */
    public URI webSocketUri() {
        String origin = relayerUrl.toString().replaceAll("/+$", "");
        return URI.create(origin + wsPathTemplate.replace("{node_id}", nodeId));
    }

    /** The outbox directory under the state dir. */
    public Path outboxDir() {
        return stateDir.resolve("outbox");
    }

    /** Effective settings for {@code --print-config}, secrets redacted, in {@link ConfigKey} order. */
    public Map<String, String> printable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ConfigKey.RELAYER_URL.tomlKey(), relayerUrl.toString());
        m.put(ConfigKey.WS_PATH_TEMPLATE.tomlKey(), wsPathTemplate);
        m.put(ConfigKey.NODE_ID.tomlKey(), nodeId);
        m.put(ConfigKey.ACCOUNT_ADDRESS.tomlKey(), accountAddress);
        m.put(ConfigKey.PRIVATE_KEY.tomlKey(), privateKey.toString());
        m.put(ConfigKey.KEYSTORE.tomlKey(), keystore == null ? "" : keystore.toString());
        m.put(ConfigKey.PASSPHRASE_FILE.tomlKey(), passphraseFile == null ? "" : passphraseFile.toString());
        m.put(ConfigKey.KEYSTORE_PASSWORD.tomlKey(), keystorePassword.toString());
        m.put(ConfigKey.STATE_DIR.tomlKey(), stateDir.toString());
        m.put(ConfigKey.STATUS_HOST.tomlKey(), statusHost);
        m.put(ConfigKey.STATUS_PORT.tomlKey(), Integer.toString(statusPort));
        m.put(ConfigKey.MAX_CONCURRENT_TASKS.tomlKey(), Integer.toString(maxConcurrentTasks));
        m.put(ConfigKey.HEARTBEAT_INTERVAL.tomlKey(), seconds(heartbeatInterval));
        m.put(ConfigKey.REGISTER_ACK_TIMEOUT.tomlKey(), seconds(registerAckTimeout));
        m.put(ConfigKey.RECONNECT_INITIAL_DELAY.tomlKey(), seconds(reconnectInitialDelay));
        m.put(ConfigKey.RECONNECT_MAX_DELAY.tomlKey(), seconds(reconnectMaxDelay));
        m.put(ConfigKey.RECONNECT_BACKOFF_MULTIPLIER.tomlKey(), Double.toString(reconnectBackoffMultiplier));
        m.put(ConfigKey.DRAIN_TIMEOUT.tomlKey(), seconds(drainTimeout));
        m.put(ConfigKey.OUTBOX_RETENTION.tomlKey(), seconds(outboxRetention));
        m.put(ConfigKey.OUTBOX_UNACKED_GRACE.tomlKey(), seconds(outboxUnackedGrace));
        m.put(ConfigKey.MATRIX_MAX_DIMENSION.tomlKey(), Integer.toString(matrixMaxDimension));
        m.put(ConfigKey.DEFAULT_TIMEOUT.tomlKey(), seconds(defaultTimeout));
        m.put(ConfigKey.ENABLE_CUSTOM_TASKS.tomlKey(), Boolean.toString(sandbox.customEnabled()));
        m.put(ConfigKey.CUSTOM_RUNTIMES.tomlKey(), sandbox.runtimesText());
        m.put(ConfigKey.SANDBOX_LAUNCHER.tomlKey(), sandbox.launcher().toString());
        m.put(ConfigKey.SANDBOX_UID.tomlKey(), sandbox.taskUid() == null ? "auto" : sandbox.taskUid().toString());
        m.put(ConfigKey.SANDBOX_GID.tomlKey(), sandbox.taskGid() == null ? "auto" : sandbox.taskGid().toString());
        m.put(ConfigKey.SANDBOX_TEMP_DIR.tomlKey(), sandbox.tempDir().toString());
        m.put(ConfigKey.SANDBOX_CGROUP_PARENT.tomlKey(), sandbox.cgroupParent());
        m.put(ConfigKey.SANDBOX_USERNS.tomlKey(), sandbox.usernsText());
        m.put(ConfigKey.SANDBOX_PREWARM.tomlKey(), Integer.toString(sandbox.prewarm()));
        m.put(ConfigKey.DEFAULT_MEMORY_LIMIT.tomlKey(), ByteSize.format(sandbox.memoryBytes()));
        m.put(ConfigKey.STDOUT_CAP.tomlKey(), ByteSize.format(sandbox.stdoutCapBytes()));
        m.put(ConfigKey.STDERR_CAP.tomlKey(), ByteSize.format(sandbox.stderrCapBytes()));
        m.put(ConfigKey.ENABLE_AI_TASKS.tomlKey(), Boolean.toString(ai.enabled()));
        m.put(ConfigKey.AI_BACKEND.tomlKey(), ai.backend().configName());
        m.put(ConfigKey.OLLAMA_BASE_URL.tomlKey(), ai.ollamaBaseUrl().toString());
        m.put(ConfigKey.OPENAI_BASE_URL.tomlKey(), ai.openAiBaseUrl().toString());
        m.put(ConfigKey.OLLAMA_DEFAULT_MODEL.tomlKey(), ai.defaultModel());
        m.put(ConfigKey.ALLOWED_MODELS.tomlKey(), ai.allowedModelsText());
        m.put(ConfigKey.LOG_LEVEL.tomlKey(), logLevel);
        return m;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0);
    }

    @Override
    public String toString() {
        return "DaemonConfig" + printable();
    }
}

package io.smainer.daemon.config;

import java.util.List;

/**
 * Every daemon setting: its TOML key, the environment names (production names of PROTOCOL.md §5
 * first, then {@code SMAINER_*}), the flag and the default. The single source for loading, printing
 * and docs/daemon.md.
 */
public enum ConfigKey {
    RELAYER_URL("relayer_url", List.of("RELAYER_WS_URL", "SMAINER_RELAYER_URL"), "--relayer", "ws://127.0.0.1:8000", false),
    WS_PATH_TEMPLATE("ws_path_template", List.of("SMAINER_WS_PATH_TEMPLATE"), "--ws-path-template", "/ws/{node_id}", false),
    NODE_ID("node_id", List.of("NODE_ID", "SMAINER_NODE_ID"), "--node-id", "", false),
    ACCOUNT_ADDRESS("account_address", List.of("STARKNET_ACCOUNT_ADDRESS", "SMAINER_ACCOUNT_ADDRESS"), "--account", "", false),
    PRIVATE_KEY("private_key", List.of("STARKNET_PRIVATE_KEY"), null, "", true),
    KEYSTORE("keystore", List.of("SMAINER_KEYSTORE"), "--keystore", "", false),
    PASSPHRASE_FILE("passphrase_file", List.of("SMAINER_PASSPHRASE_FILE"), "--passphrase-file", "", false),
    KEYSTORE_PASSWORD("keystore_password", List.of("SMAINER_KEYSTORE_PASSWORD"), null, "", true),
    STATE_DIR("state_dir", List.of("SMAINER_STATE_DIR"), "--state-dir", "/var/lib/smainer", false),
    STATUS_HOST("status_host", List.of("SMAINER_STATUS_HOST"), "--status-host", "127.0.0.1", false),
    STATUS_PORT("status_port", List.of("SMAINER_STATUS_PORT"), "--status-port", "9465", false),
    MAX_CONCURRENT_TASKS("max_concurrent_tasks", List.of("MAX_CONCURRENT_TASKS", "SMAINER_MAX_CONCURRENT_TASKS"), "--max-concurrent-tasks", "2", false),
    HEARTBEAT_INTERVAL("heartbeat_interval", List.of("HEARTBEAT_INTERVAL", "SMAINER_HEARTBEAT_INTERVAL"), "--heartbeat-interval", "30", false),
    REGISTER_ACK_TIMEOUT("register_ack_timeout", List.of("SMAINER_REGISTER_ACK_TIMEOUT"), "--register-ack-timeout", "30", false),
    RECONNECT_INITIAL_DELAY("reconnect_initial_delay", List.of("RECONNECT_INITIAL_DELAY", "SMAINER_RECONNECT_INITIAL_DELAY"), "--reconnect-initial-delay", "1.0", false),
    RECONNECT_MAX_DELAY("reconnect_max_delay", List.of("RECONNECT_MAX_DELAY", "SMAINER_RECONNECT_MAX_DELAY"), "--reconnect-max-delay", "60.0", false),
    RECONNECT_BACKOFF_MULTIPLIER("reconnect_backoff_multiplier", List.of("RECONNECT_BACKOFF_MULTIPLIER", "SMAINER_RECONNECT_BACKOFF_MULTIPLIER"), "--reconnect-backoff-multiplier", "2.0", false),
    DRAIN_TIMEOUT("drain_timeout", List.of("SMAINER_DRAIN_TIMEOUT"), "--drain-timeout", "120", false),
    OUTBOX_RETENTION("outbox_retention", List.of("SMAINER_OUTBOX_RETENTION"), "--outbox-retention", "604800", false),
    OUTBOX_UNACKED_GRACE("outbox_unacked_grace", List.of("SMAINER_OUTBOX_UNACKED_GRACE"), "--outbox-unacked-grace", "300", false),
    MATRIX_MAX_DIMENSION("matrix_max_dimension", List.of("SMAINER_MATRIX_MAX_DIMENSION"), "--matrix-max-dimension", "512", false),
    DEFAULT_TIMEOUT("default_timeout", List.of("DEFAULT_TIMEOUT", "SMAINER_DEFAULT_TIMEOUT"), "--default-timeout", "300", false),
    ENABLE_CUSTOM_TASKS("enable_custom_tasks", List.of("ENABLE_CUSTOM_TASKS", "SMAINER_ENABLE_CUSTOM_TASKS"), "--enable-custom-tasks", "false", false),
    CUSTOM_RUNTIMES("custom_runtimes", List.of("SMAINER_CUSTOM_RUNTIMES"), "--custom-runtimes", "", false),
    SANDBOX_LAUNCHER("sandbox_launcher", List.of("SMAINER_SANDBOX_LAUNCHER"), "--sandbox-launcher", "", false),
    SANDBOX_UID("sandbox_uid", List.of("SMAINER_SANDBOX_UID"), "--sandbox-uid", "auto", false),
    SANDBOX_GID("sandbox_gid", List.of("SMAINER_SANDBOX_GID"), "--sandbox-gid", "auto", false),
    SANDBOX_TEMP_DIR("sandbox_temp_dir", List.of("SANDBOX_TEMP_DIR", "SMAINER_SANDBOX_TEMP_DIR"), "--sandbox-temp-dir", "/tmp", false),
    SANDBOX_CGROUP_PARENT("sandbox_cgroup_parent", List.of("SMAINER_SANDBOX_CGROUP_PARENT"), "--sandbox-cgroup-parent", "smainer", false),
    SANDBOX_USERNS("sandbox_userns", List.of("SMAINER_SANDBOX_USERNS"), "--sandbox-userns", "auto", false),
    SANDBOX_PREWARM("sandbox_prewarm", List.of("SMAINER_SANDBOX_PREWARM"), "--sandbox-prewarm", "1", false),
    DEFAULT_MEMORY_LIMIT("default_memory_limit", List.of("DEFAULT_MEMORY_LIMIT", "SMAINER_DEFAULT_MEMORY_LIMIT"), "--default-memory-limit", "512MB", false),
    STDOUT_CAP("stdout_cap", List.of("SMAINER_STDOUT_CAP"), "--stdout-cap", "1MiB", false),
    STDERR_CAP("stderr_cap", List.of("SMAINER_STDERR_CAP"), "--stderr-cap", "1MiB", false),
    ENABLE_AI_TASKS("enable_ai_tasks", List.of("SMAINER_ENABLE_AI_TASKS"), "--enable-ai-tasks", "true", false),
    AI_BACKEND("ai_backend", List.of("SMAINER_AI_BACKEND"), "--ai-backend", "ollama", false),
    OLLAMA_BASE_URL("ollama_base_url", List.of("OLLAMA_BASE_URL", "SMAINER_OLLAMA_BASE_URL"), "--ollama-base-url", "http://127.0.0.1:11434", false),
    OPENAI_BASE_URL("openai_base_url", List.of("SMAINER_OPENAI_BASE_URL"), "--openai-base-url", "http://127.0.0.1:8080", false),
    OLLAMA_DEFAULT_MODEL("ollama_default_model", List.of("OLLAMA_DEFAULT_MODEL", "SMAINER_AI_DEFAULT_MODEL"), "--ollama-default-model", "", false),
    ALLOWED_MODELS("allowed_models", List.of("SMAINER_ALLOWED_MODELS", "SMAINER_AI_MODELS"), "--allowed-models", "*", false),
    LOG_LEVEL("log_level", List.of("LOG_LEVEL", "SMAINER_LOG_LEVEL"), "--log-level", "info", false);

    private final String tomlKey;
    private final List<String> envNames;
    private final String flag;
    private final String defaultValue;
    private final boolean secret;

    ConfigKey(String tomlKey, List<String> envNames, String flag, String defaultValue, boolean secret) {
        this.tomlKey = tomlKey;
        this.envNames = envNames;
        this.flag = flag;
        this.defaultValue = defaultValue;
        this.secret = secret;
    }

    public String tomlKey() {
        return tomlKey;
    }

    public List<String> envNames() {
        return envNames;
    }

    /** The command-line flag, or null when the value must not appear on a command line (secrets). */
    public String flag() {
        return flag;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public boolean secret() {
        return secret;
    }

    public static ConfigKey fromToml(String key) {
        for (ConfigKey k : values()) {
            if (k.tomlKey.equals(key)) {
                return k;
            }
        }
        return null;
    }
}

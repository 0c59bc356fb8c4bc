package io.smainer.cli.doctor;

import java.util.List;
import java.util.Set;

/**
 * The daemon's provider.toml keys. Must match {@code ConfigKey} in
 * daemon/src/main/java/io/smainer/daemon/config/ConfigKey.java (the daemon refuses unknown keys);
 * {@code DaemonConfigKeysContractTest} reads that source and fails when the two drift. The CLI must not
 * depend on the daemon module, hence the copy.
 */
final class DaemonConfigKeys {
    static final List<String> KNOWN = List.of("relayer_url", "ws_path_template", "node_id", "account_address", "private_key",
            "keystore", "passphrase_file", "keystore_password", "state_dir", "status_host", "status_port", "max_concurrent_tasks",
            "heartbeat_interval", "register_ack_timeout", "reconnect_initial_delay", "reconnect_max_delay",
            "reconnect_backoff_multiplier", "drain_timeout", "outbox_retention", "outbox_unacked_grace", "matrix_max_dimension",
            "default_timeout", "enable_custom_tasks", "custom_runtimes", "sandbox_launcher", "sandbox_uid", "sandbox_gid",
            "sandbox_temp_dir", "sandbox_cgroup_parent", "sandbox_userns", "sandbox_prewarm", "default_memory_limit", "stdout_cap",
            "stderr_cap", "enable_ai_tasks", "ai_backend", "ollama_base_url", "openai_base_url", "ollama_default_model",
            "allowed_models", "log_level");

    /** Keys whose values are secrets: never printed, removed from the diagnostics bundle. */
    static final Set<String> SECRET = Set.of("private_key", "keystore_password");

    /** Environment names of account_address (the daemon accepts them instead of the file). */
    static final List<String> ACCOUNT_ENV = List.of("STARKNET_ACCOUNT_ADDRESS", "SMAINER_ACCOUNT_ADDRESS");

    /**
     * A daemon setting doctor resolves itself, as the daemon does: environment (first non-blank name, in this
     * order), else provider.toml, else {@code defaultValue}. Each must match its {@code ConfigKey} entry (the
     * contract test compares the environment names and the default).
     */
    record Setting(String key, List<String> envNames, String defaultValue) {}

    /** A resolved value and where it came from ("environment NAME", the config file, or "the default"). */
    record Value(Setting setting, String text, String source) {
        /** {@code key='value' (from source)}, the prefix of every message about an invalid value. */
        String describe() {
            return setting.key() + "='" + text + "' (from " + source + ")";
        }
    }

    static final Setting SANDBOX_LAUNCHER = new Setting("sandbox_launcher", List.of("SMAINER_SANDBOX_LAUNCHER"), "");
    static final Setting SANDBOX_UID = new Setting("sandbox_uid", List.of("SMAINER_SANDBOX_UID"), "auto");
    static final Setting SANDBOX_GID = new Setting("sandbox_gid", List.of("SMAINER_SANDBOX_GID"), "auto");
    static final Setting CUSTOM_RUNTIMES = new Setting("custom_runtimes", List.of("SMAINER_CUSTOM_RUNTIMES"), "");
    static final Setting SANDBOX_CGROUP_PARENT = new Setting("sandbox_cgroup_parent",
            List.of("SMAINER_SANDBOX_CGROUP_PARENT"), "smainer");
    static final Setting SANDBOX_USERNS = new Setting("sandbox_userns", List.of("SMAINER_SANDBOX_USERNS"), "auto");

    /** Every {@link Setting} above, for the contract test. */
    static final List<Setting> RESOLVED = List.of(SANDBOX_LAUNCHER, SANDBOX_UID, SANDBOX_GID, CUSTOM_RUNTIMES,
            SANDBOX_CGROUP_PARENT, SANDBOX_USERNS);

    static final String DEFAULT_RELAYER_URL = "ws://127.0.0.1:8000";
    static final String DEFAULT_STATE_DIR = "/var/lib/smainer";

    private DaemonConfigKeys() {}
}

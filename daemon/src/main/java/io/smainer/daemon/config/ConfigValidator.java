package io.smainer.daemon.config;

import io.smainer.protocol.Require;
import io.smainer.protocol.stark.NodeIds;
import io.smainer.sandbox.SandboxConfig;
import io.smainer.sandbox.UserNamespaceMode;
import io.smainer.sandbox.custom.RuntimeAllowList;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns raw values into a {@link DaemonConfig}; every failure names key, value, source and fix. */
final class ConfigValidator {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "localhost");
    private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error");

    private static final java.util.regex.Pattern CGROUP_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final java.util.regex.Pattern MODEL_ID = java.util.regex.Pattern.compile("[^\\s,]{1,128}");
    /** A bare {@code default_memory_limit} is in MB, as production's {@code DEFAULT_MEMORY_LIMIT} (512). */
    private static final long MIB = 1L << 20;

    private final Map<ConfigKey, ConfigValue> values;
    private final Path smainerHome;
    private final boolean identityRequired;

    /**
     * @param smainerHome      the installation ({@code -Dsmainer.home}): where the default launcher is looked up
     * @param identityRequired false for {@code --selftest}, which needs no account, relayer or keystore
     */
    ConfigValidator(Map<ConfigKey, ConfigValue> values, Path smainerHome, boolean identityRequired) {
        this.values = values;
        this.smainerHome = smainerHome;
        this.identityRequired = identityRequired;
    }

    DaemonConfig validate() {
        String account = raw(ConfigKey.ACCOUNT_ADDRESS);
        if (account.isEmpty() && !identityRequired) {
            return build("", raw(ConfigKey.NODE_ID).isEmpty() ? "selftest" : raw(ConfigKey.NODE_ID));
        }
        if (account.isEmpty()) {
            throw fail(ConfigKey.ACCOUNT_ADDRESS, "is required: set STARKNET_ACCOUNT_ADDRESS, --account or "
                    + "account_address in provider.toml (smainer register writes it)");
        }
        if (!Require.HEX_FELT.matcher(account).matches()) {
            throw fail(ConfigKey.ACCOUNT_ADDRESS, "is not a Starknet address: use 0x followed by 1 to 64 hex digits");
        }
        return build(account, raw(ConfigKey.NODE_ID).isEmpty() ? NodeIds.fromAddress(account) : raw(ConfigKey.NODE_ID));
    }

    private DaemonConfig build(String account, String nodeId) {
        if (!Require.NODE_ID.matcher(nodeId).matches()) {
            throw fail(ConfigKey.NODE_ID, "must match " + Require.NODE_ID.pattern() + ": use letters, digits, '_' or '-'");
        }
        String template = raw(ConfigKey.WS_PATH_TEMPLATE);
        if (!template.startsWith("/") || !template.contains("{node_id}")) {
            throw fail(ConfigKey.WS_PATH_TEMPLATE, "must start with '/' and contain {node_id}, e.g. /ws/{node_id} or /ws/node/{node_id}");
        }
        String statusHost = raw(ConfigKey.STATUS_HOST);
        if (!LOOPBACK.contains(statusHost)) {
            throw fail(ConfigKey.STATUS_HOST, "must be a loopback address (127.0.0.1, ::1 or localhost): the status endpoint is local only");
        }
        String level = raw(ConfigKey.LOG_LEVEL).toLowerCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            throw fail(ConfigKey.LOG_LEVEL, "must be one of trace, debug, info, warn, error");
        }
        return new DaemonConfig(
                relayerUrl(),
                template,
                nodeId,
                account,
                Secret.of(raw(ConfigKey.PRIVATE_KEY)),
                optionalPath(ConfigKey.KEYSTORE),
                optionalPath(ConfigKey.PASSPHRASE_FILE),
                Secret.of(raw(ConfigKey.KEYSTORE_PASSWORD)),
                Path.of(raw(ConfigKey.STATE_DIR)).toAbsolutePath(),
                statusHost,
                integer(ConfigKey.STATUS_PORT, 0, 65535),
                integer(ConfigKey.MAX_CONCURRENT_TASKS, 1, 1024),
                seconds(ConfigKey.HEARTBEAT_INTERVAL, 0.1, 3600),
                seconds(ConfigKey.REGISTER_ACK_TIMEOUT, 0.1, 300),
                seconds(ConfigKey.RECONNECT_INITIAL_DELAY, 0.01, 3600),
                seconds(ConfigKey.RECONNECT_MAX_DELAY, 0.01, 3600),
                decimal(ConfigKey.RECONNECT_BACKOFF_MULTIPLIER, 1.0, 10.0),
                seconds(ConfigKey.DRAIN_TIMEOUT, 0, 86_400),
                seconds(ConfigKey.OUTBOX_RETENTION, 1, 90 * 86_400),
                seconds(ConfigKey.OUTBOX_UNACKED_GRACE, 0, 86_400),
                integer(ConfigKey.MATRIX_MAX_DIMENSION, 1, 4096),
                seconds(ConfigKey.DEFAULT_TIMEOUT, 1, 86_400),
                sandbox(),
                ai(),
                level);
    }

    private SandboxSettings sandbox() {
        boolean enabled = bool(ConfigKey.ENABLE_CUSTOM_TASKS);
        RuntimeAllowList runtimes;
        try {
            runtimes = RuntimeAllowList.parse(raw(ConfigKey.CUSTOM_RUNTIMES));
        } catch (IllegalArgumentException e) {
            throw fail(ConfigKey.CUSTOM_RUNTIMES, "entries must be name=/absolute/path separated by commas,"
                    + " e.g. python3=/usr/bin/python3,sh=/bin/sh");
        }
        if (enabled && runtimes.isEmpty()) {
            throw fail(ConfigKey.CUSTOM_RUNTIMES, "is empty while enable_custom_tasks=true: list the interpreters CUSTOM"
                    + " tasks may use, e.g. SMAINER_CUSTOM_RUNTIMES=python3=/usr/bin/python3,sh=/bin/sh");
        }
        String parent = raw(ConfigKey.SANDBOX_CGROUP_PARENT);
        if (!CGROUP_NAME.matcher(parent).matches()) {
            throw fail(ConfigKey.SANDBOX_CGROUP_PARENT, "must be a plain directory name of 1 to 64 letters, digits, '_', '.' or '-'");
        }
        return new SandboxSettings(enabled, runtimes, launcher(), taskId(ConfigKey.SANDBOX_UID), taskId(ConfigKey.SANDBOX_GID),
                absolutePath(ConfigKey.SANDBOX_TEMP_DIR), parent, userns(),
                integer(ConfigKey.SANDBOX_PREWARM, 0, SandboxConfig.MAX_PREWARM),
                size(ConfigKey.DEFAULT_MEMORY_LIMIT, MIB, 16 * MIB, 1L << 40),
                size(ConfigKey.STDOUT_CAP, 1, 0, 256 * MIB), size(ConfigKey.STDERR_CAP, 1, 0, 256 * MIB));
    }

    /** {@code sandbox_launcher}, else {@code lib/smainer-launch} of the install, else the source checkout's build. */
    private Path launcher() {
        if (!raw(ConfigKey.SANDBOX_LAUNCHER).isEmpty()) {
            return absolutePath(ConfigKey.SANDBOX_LAUNCHER);
        }
        Path installed = smainerHome.resolve("lib/smainer-launch");
        Path built = smainerHome.resolve("sandbox/target/native/smainer-launch");
        return java.nio.file.Files.exists(installed) || !java.nio.file.Files.exists(built) ? installed : built;
    }

    private UserNamespaceMode userns() {
        try {
            return UserNamespaceMode.parse(raw(ConfigKey.SANDBOX_USERNS));
        } catch (IllegalArgumentException e) {
            throw fail(ConfigKey.SANDBOX_USERNS, "must be auto (a user namespace per task when the host allows it) or off"
                    + " (tasks keep every other isolation layer)");
        }
    }

    private Integer taskId(ConfigKey k) {
        String v = raw(k);
        if (v.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            int id = Integer.parseInt(v);
            if (id <= 0) {
                throw fail(k, "must not be root (0) or negative: tasks run as a dedicated unprivileged user;"
                        + " use auto, the id of a smainer-task user, or 65534");
            }
            return id;
        } catch (NumberFormatException e) {
            throw fail(k, "is not a numeric id: use auto (smainer-task if it exists, else 65534) or a number such as 65534");
        }
    }

    private Path absolutePath(ConfigKey k) {
        Path p = Path.of(raw(k));
        if (!p.isAbsolute()) {
            throw fail(k, "must be an absolute path");
        }
        return p.normalize();
    }

    private long size(ConfigKey k, long bareUnit, long min, long max) {
        long bytes;
        try {
            bytes = ByteSize.parse(raw(k), bareUnit);
        } catch (IllegalArgumentException e) {
            throw fail(k, e.getMessage());
        }
        if (bytes < min || bytes > max) {
            throw fail(k, "is outside [" + ByteSize.format(min) + ", " + ByteSize.format(max) + "]");
        }
        return bytes;
    }

    private AiSettings ai() {
        AiSettings.Backend backend = switch (raw(ConfigKey.AI_BACKEND).toLowerCase(Locale.ROOT)) {
            case "ollama" -> AiSettings.Backend.OLLAMA;
            case "openai" -> AiSettings.Backend.OPENAI;
            default -> throw fail(ConfigKey.AI_BACKEND, "must be ollama (/api/generate) or openai (/v1/chat/completions,"
                    + " as llama.cpp server and vLLM serve it)");
        };
        String model = raw(ConfigKey.OLLAMA_DEFAULT_MODEL);
        if (!model.isEmpty() && !MODEL_ID.matcher(model).matches()) {
            throw fail(ConfigKey.OLLAMA_DEFAULT_MODEL, "must be one model id of at most 128 characters, e.g. llama3.1:8b");
        }
        java.util.Set<String> allowed = new java.util.LinkedHashSet<>();
        for (String m : raw(ConfigKey.ALLOWED_MODELS).split(",")) {
            if (!m.isBlank()) {
                if (!MODEL_ID.matcher(m.trim()).matches()) {
                    throw fail(ConfigKey.ALLOWED_MODELS, "entry '" + m.trim() + "' is not a model id: use * or a"
                            + " comma-separated list such as llama3.1:8b,qwen2.5:0.5b");
                }
                allowed.add(m.trim());
            }
        }
        if (allowed.isEmpty()) {
            throw fail(ConfigKey.ALLOWED_MODELS, "is empty: use * (every model the backend reports) or a list of"
                    + " model ids; to offer no AI at all set enable_ai_tasks=false");
        }
        return new AiSettings(bool(ConfigKey.ENABLE_AI_TASKS), backend, backendUrl(ConfigKey.OLLAMA_BASE_URL),
                backendUrl(ConfigKey.OPENAI_BASE_URL), model, allowed);
    }

    /** A model server origin on this host: prompts never leave it (same rule as the sandbox's backends). */
    private URI backendUrl(ConfigKey k) {
        URI uri;
        try {
            uri = new URI(raw(k));
        } catch (URISyntaxException e) {
            throw fail(k, "is not a URL: use e.g. http://127.0.0.1:11434");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw fail(k, "must be an http:// or https:// origin with a host, e.g. http://127.0.0.1:11434");
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw fail(k, "must be an origin without a path (the daemon appends /api/... or /v1/...)");
        }
        boolean loopback;
        try {
            loopback = java.net.InetAddress.getByName(uri.getHost()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw fail(k, "must point at a loopback address (127.0.0.1, ::1 or localhost): prompts never leave this host");
        }
        return uri;
    }

    private URI relayerUrl() {
        String v = raw(ConfigKey.RELAYER_URL);
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("ws") && !scheme.equals("wss")) {
                throw fail(ConfigKey.RELAYER_URL, "must use ws:// or wss:// (the relayer's WebSocket origin, e.g. ws://localhost:8000)");
            }
            if (uri.getHost() == null) {
                throw fail(ConfigKey.RELAYER_URL, "has no host: use ws://host:port or wss://host");
            }
            if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
                throw fail(ConfigKey.RELAYER_URL, "must be an origin without a path (the path comes from ws_path_template)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw fail(ConfigKey.RELAYER_URL, "is not a URI: use ws://host:port or wss://host");
        }
    }

    private String raw(ConfigKey k) {
        return values.get(k).value();
    }

    private Path optionalPath(ConfigKey k) {
        String v = raw(k);
        return v.isEmpty() ? null : Path.of(v).toAbsolutePath();
    }

    private int integer(ConfigKey k, int min, int max) {
        try {
            int v = Integer.parseInt(raw(k));
            if (v < min || v > max) {
                throw fail(k, "is outside [" + min + ", " + max + "]: use a whole number in that range");
            }
            return v;
        } catch (NumberFormatException e) {
            throw fail(k, "is not a whole number: use a value in [" + min + ", " + max + "]");
        }
    }

    private double decimal(ConfigKey k, double min, double max) {
        try {
            double v = Double.parseDouble(raw(k));
            if (!(v >= min && v <= max)) {
                throw fail(k, "is outside [" + min + ", " + max + "]");
            }
            return v;
        } catch (NumberFormatException e) {
            throw fail(k, "is not a number: use a decimal in [" + min + ", " + max + "]");
        }
    }

    private Duration seconds(ConfigKey k, double min, double max) {
        try {
            double v = Double.parseDouble(raw(k));
            if (!(v >= min && v <= max)) {
                throw fail(k, "is outside [" + min + ", " + max + "] seconds");
            }
            return Duration.ofMillis(Math.round(v * 1000));
        } catch (NumberFormatException e) {
            throw fail(k, "is not a number of seconds (e.g. 30 or 1.5)");
        }
    }

    private boolean bool(ConfigKey k) {
        String v = raw(k).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw fail(k, "is not a boolean: use true or false");
        };
    }

    private ConfigException fail(ConfigKey k, String why) {
        return new ConfigException(k.tomlKey(), "invalid config " + values.get(k).describe() + ": " + why);
    }
}

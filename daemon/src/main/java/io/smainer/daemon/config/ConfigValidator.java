package io.smainer.daemon.config;

import io.smainer.protocol.Require;
import io.smainer.protocol.stark.NodeIds;
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

    private final Map<ConfigKey, ConfigValue> values;

    ConfigValidator(Map<ConfigKey, ConfigValue> values) {
        this.values = values;
    }

    DaemonConfig validate() {
        String account = raw(ConfigKey.ACCOUNT_ADDRESS);
        if (account.isEmpty()) {
            throw fail(ConfigKey.ACCOUNT_ADDRESS, "is required: set STARKNET_ACCOUNT_ADDRESS, --account or "
                    + "account_address in provider.toml (smainer register writes it)");
        }
        if (!Require.HEX_FELT.matcher(account).matches()) {
            throw fail(ConfigKey.ACCOUNT_ADDRESS, "is not a Starknet address: use 0x followed by 1 to 64 hex digits");
        }
        String nodeId = raw(ConfigKey.NODE_ID).isEmpty() ? NodeIds.fromAddress(account) : raw(ConfigKey.NODE_ID);
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
                bool(ConfigKey.ENABLE_CUSTOM_TASKS),
                level);
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

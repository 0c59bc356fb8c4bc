package io.smainer.daemon.config;

/**
 * Invalid daemon configuration: names the key (as the operator wrote it, with its source), the value
 * and the fix. Mapped to exit code 78 in exactly one place ({@code ExitCodes}).
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    public ConfigException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** The canonical config key ({@code relayer_url}, …). */
    public String key() {
        return key;
    }
}

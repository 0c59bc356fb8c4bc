package io.smainer.relayer.config;

/** Invalid configuration: the message names the key, the value and the fix. Exit code 78. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.smainer.cli.relayer;

/** A relayer API key. Only {@link RelayerApi} reads it; {@link #toString()} never shows it. */
public final class ApiKey {
    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    public static ApiKey of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an API key must not be empty");
        }
        return new ApiKey(value.strip());
    }

    String bearer() {
        return "Bearer " + value;
    }

    /** True when {@code text} contains the key (used to make sure no message ever echoes it). */
    boolean occursIn(String text) {
        return text != null && text.contains(value);
    }

    @Override
    public String toString() {
        return "ApiKey[<redacted>]";
    }
}

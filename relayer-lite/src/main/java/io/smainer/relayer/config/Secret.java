package io.smainer.relayer.config;

import java.util.Objects;

/** A secret string (API key, callback secret) that never prints itself. */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret");
        return new Secret(value);
    }

    /** The secret itself, for the one place that uses it (auth check, HMAC key). */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "<secret>";
    }
}

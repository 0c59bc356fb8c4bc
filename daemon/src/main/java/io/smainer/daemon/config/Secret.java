package io.smainer.daemon.config;

/** A configured secret (private key, passphrase). Never printed: {@link #toString()} is redacted. */
public final class Secret {
    private static final Secret EMPTY = new Secret("");
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return value == null || value.isEmpty() ? EMPTY : new Secret(value);
    }

    public boolean isPresent() {
        return !value.isEmpty();
    }

    /** The secret itself, for the one place that uses it (key loading). */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return isPresent() ? "<redacted>" : "<unset>";
    }
}

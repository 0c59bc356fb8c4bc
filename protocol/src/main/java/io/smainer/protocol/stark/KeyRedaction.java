package io.smainer.protocol.stark;

/**
 * How keys, addresses and signatures appear in logs (vectors.json {@code key_redaction_for_logs}):
 * the first six and last four characters of long values, the first six of medium ones, nothing of
 * short ones.
 */
public final class KeyRedaction {
    public static final String REDACTED = "<REDACTED>";

    private KeyRedaction() {}

    public static String redact(String value) {
        if (value == null || value.length() < 8) {
            return REDACTED;
        }
        if (value.length() <= 10) {
            return value.substring(0, 6) + "...";
        }
        return value.substring(0, 6) + "..." + value.substring(value.length() - 4);
    }
}

package io.smainer.protocol.callback;

import java.nio.charset.StandardCharsets;

/**
 * An integrator's callback secret, kept as its UTF-8 bytes (the HMAC key of PROTOCOL.md §3). Its
 * {@code toString()} says only whether one is configured. A null or empty secret is "not configured":
 * {@link CallbackSignature} then refuses to sign and rejects every callback.
 */
public final class CallbackSecret {
    private static final CallbackSecret NONE = new CallbackSecret(new byte[0]);

    private final byte[] key;

    private CallbackSecret(byte[] key) {
        this.key = key;
    }

    /**
     * @param secret as configured; null or {@code ""} gives {@link #none()}
     * @throws IllegalArgumentException when the secret has an unpaired surrogate: it has no UTF-8 form
     *     (Python's {@code encode()} fails on it; Java would silently turn it into {@code ?})
     */
    public static CallbackSecret of(String secret) {
        if (secret == null || secret.isEmpty()) {
            return NONE;
        }
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < secret.length() && Character.isLowSurrogate(secret.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("callback secret is not valid Unicode (unpaired surrogate at index "
                        + i + "); it has no UTF-8 form");
            }
        }
        return new CallbackSecret(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** No secret configured. */
    public static CallbackSecret none() {
        return NONE;
    }

    public boolean isConfigured() {
        return key.length > 0;
    }

    /** A copy of the key bytes, for the HMAC only. */
    byte[] keyBytes() {
        return key.clone();
    }

    @Override
    public String toString() {
        return isConfigured() ? "CallbackSecret[configured]" : "CallbackSecret[none]";
    }
}

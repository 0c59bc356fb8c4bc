package io.smainer.protocol.callback;

import java.util.Objects;

/**
 * The two header values that sign one callback body: {@value CallbackSignature#TIMESTAMP_HEADER} and
 * {@value CallbackSignature#SIGNATURE_HEADER}. {@code toString()} shows only a prefix of the signature.
 */
public record SignedCallback(String timestamp, String signature) {
    public SignedCallback {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(signature, "signature");
    }

    @Override
    public String toString() {
        return "SignedCallback[timestamp=" + timestamp + ", signature=" + signature.substring(0, Math.min(8, signature.length())) + "…]";
    }
}

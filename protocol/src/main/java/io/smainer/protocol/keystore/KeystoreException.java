package io.smainer.protocol.keystore;

import java.nio.file.Path;

/** A keystore that cannot be used; the message names the file and the fix, never the passphrase. */
public final class KeystoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why; callers map these to exit codes (permissions → 77, the rest → 78 or 1). */
    public enum Reason { NOT_FOUND, INSECURE_PERMISSIONS, WRONG_PASSPHRASE, MALFORMED, UNSUPPORTED, IO }

    private final Reason reason;
    private final transient Path file;

    public KeystoreException(Reason reason, Path file, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.file = file;
    }

    public KeystoreException(Reason reason, Path file, String message) {
        this(reason, file, message, null);
    }

    public Reason reason() {
        return reason;
    }

    public Path file() {
        return file;
    }
}

package io.smainer.daemon;

import io.smainer.daemon.config.ConfigException;
import io.smainer.daemon.lifecycle.StateDirLockedException;
import io.smainer.protocol.keystore.KeystoreException;
import java.io.UncheckedIOException;

/** The one mapping from typed errors to exit codes (STYLE.md §3). */
final class ExitCodes {
    static final int OK = 0;
    static final int USAGE = 2;
    static final int UNAVAILABLE = 69;
    static final int INTERNAL = 70;
    static final int IO = 74;
    static final int PERMISSION = 77;
    static final int CONFIG = 78;

    private ExitCodes() {}

    static int of(Throwable e) {
        if (e instanceof ConfigException) {
            return CONFIG;
        }
        if (e instanceof KeystoreException k) {
            return switch (k.reason()) {
                case INSECURE_PERMISSIONS -> PERMISSION;
                case IO -> IO;
                default -> CONFIG;
            };
        }
        if (e instanceof StateDirLockedException) {
            return UNAVAILABLE;
        }
        if (e instanceof UncheckedIOException) {
            return IO;
        }
        return INTERNAL;
    }
}

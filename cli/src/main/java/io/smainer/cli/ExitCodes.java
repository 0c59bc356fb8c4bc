package io.smainer.cli;

import io.smainer.chain.ChainException;
import io.smainer.cli.relayer.RelayerApiException;
import io.smainer.protocol.ProtocolException;
import io.smainer.protocol.keystore.KeystoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * The only place exceptions become exit codes (sysexits.h names): 0 ok, 1 failed check or operation,
 * 2 usage, 69 unavailable, 70 internal, 74 I/O, 77 permission, 78 config.
 */
public final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int UNAVAILABLE = 69;
    public static final int INTERNAL = 70;
    public static final int IO = 74;
    public static final int PERMISSION = 77;
    public static final int CONFIG = 78;

    @Override
    public int getExitCode(Throwable t) {
        if (t instanceof CliException e) {
            return e.exitCode();
        }
        if (t instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (t instanceof KeystoreException e) {
            return switch (e.reason()) {
                case INSECURE_PERMISSIONS -> PERMISSION;
                case NOT_FOUND, MALFORMED, UNSUPPORTED -> CONFIG;
                case WRONG_PASSPHRASE -> FAILED;
                case IO -> IO;
            };
        }
        if (t instanceof RelayerApiException e) {
            return switch (e.kind()) {
                case UNAUTHORIZED -> PERMISSION;
                case NOT_FOUND, REJECTED -> FAILED;
                case UNAVAILABLE, BAD_RESPONSE -> UNAVAILABLE;
            };
        }
        if (t instanceof ChainException e) {
            return e.retryable() ? UNAVAILABLE : FAILED;
        }
        if (t instanceof ProtocolException) {
            return FAILED;
        }
        if (t instanceof UncheckedIOException || t instanceof IOException) {
            return IO;
        }
        if (t instanceof SecurityException) {
            return PERMISSION;
        }
        return INTERNAL;
    }
}

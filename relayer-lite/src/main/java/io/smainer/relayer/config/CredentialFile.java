package io.smainer.relayer.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A secret handed over as a file ({@code --api-key-file}, {@code --callback-secret-file},
 * {@code --relayer-passphrase-file}): systemd's {@code LoadCredential=} puts such files under
 * {@code $CREDENTIALS_DIRECTORY}. One trailing newline is dropped; files that group or others can read
 * are refused, like ssh refuses such private keys. The content never appears in a message.
 */
public final class CredentialFile {
    private CredentialFile() {}

    public static Secret read(String flag, Path file) {
        return Secret.of(new String(bytes(flag, file), StandardCharsets.UTF_8));
    }

    /** The content as characters (keystore passphrases); the caller wipes the array. */
    public static char[] readChars(String flag, Path file) {
        byte[] raw = bytes(flag, file);
        char[] out = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(raw)).array();
        java.util.Arrays.fill(raw, (byte) 0);
        int n = out.length;
        while (n > 0 && out[n - 1] == '\0') {
            n--;
        }
        char[] exact = java.util.Arrays.copyOf(out, n);
        java.util.Arrays.fill(out, '\0');
        return exact;
    }

    private static byte[] bytes(String flag, Path file) {
        try {
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (perms.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
                    throw new ConfigException(flag + " " + file + " can be read by group or others ("
                            + PosixFilePermissions.toString(perms) + "): chmod 600 " + file);
                }
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system: permissions are the operator's job
            }
            byte[] raw = Files.readAllBytes(file);
            int n = raw.length;
            if (n > 0 && raw[n - 1] == '\n') {
                n--;
            }
            if (n > 0 && raw[n - 1] == '\r') {
                n--;
            }
            if (n == 0) {
                throw new ConfigException(flag + " " + file + " is empty: write the secret into it (one line)");
            }
            byte[] out = java.util.Arrays.copyOf(raw, n);
            java.util.Arrays.fill(raw, (byte) 0);
            return out;
        } catch (NoSuchFileException e) {
            throw new ConfigException(flag + " " + file + " does not exist: check the path (systemd: LoadCredential=)", e);
        } catch (IOException e) {
            throw new ConfigException(flag + " " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}

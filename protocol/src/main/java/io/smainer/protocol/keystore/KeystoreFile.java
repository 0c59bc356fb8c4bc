package io.smainer.protocol.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkPrivateKey;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Keystore files on disk: written atomically with mode 0600, read only when neither group nor others
 * can read them (like ssh does with private keys).
 */
public final class KeystoreFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeystoreFile() {}

    /** Encrypts and writes {@code key} to {@code file} (0600, parent created 0700), replacing it atomically. */
    public static void write(Path file, StarkPrivateKey key, char[] passphrase, KdfParams params) {
        ObjectNode tree = KeystoreV3.encrypt(key.value(), passphrase, params, new SecureRandom());
        writeOwnerOnly(file, tree);
    }

    /** Reads and decrypts; refuses files that group or others can read. */
    public static StarkPrivateKey read(Path file, char[] passphrase, StarkCrypto crypto) {
        BigInteger raw = KeystoreV3.decrypt(readTree(file), passphrase, file);
        try {
            return StarkPrivateKey.of(raw, crypto);
        } catch (IllegalArgumentException e) {
            throw new KeystoreException(KeystoreException.Reason.MALFORMED, file,
                    "keystore " + file + " holds a value that is not a Stark private key (must be below the curve order)");
        }
    }

    /** The JSON of a keystore after the permission check (no decryption). */
    public static JsonNode readTree(Path file) {
        checkPermissions(file);
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new KeystoreException(KeystoreException.Reason.MALFORMED, file, "keystore " + file + " is not valid JSON", e);
        }
    }

    /** Throws unless the file exists and only its owner can read or write it. */
    public static void checkPermissions(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                    || perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new KeystoreException(KeystoreException.Reason.INSECURE_PERMISSIONS, file,
                        "keystore " + file + " has mode " + PosixFilePermissions.toString(perms)
                                + ", readable or writable by others; fix it with: chmod 600 " + file);
            }
        } catch (NoSuchFileException e) {
            throw new KeystoreException(KeystoreException.Reason.NOT_FOUND, file,
                    "keystore " + file + " does not exist; create one with: smainer wallet create", e);
        } catch (IOException e) {
            throw new KeystoreException(KeystoreException.Reason.IO, file, "cannot read keystore " + file + ": " + e.getMessage(), e);
        }
    }

    static void writeOwnerOnly(Path file, JsonNode tree) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree)));
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new KeystoreException(KeystoreException.Reason.IO, file, "cannot write keystore " + file + ": " + e.getMessage(), e);
        }
    }
}

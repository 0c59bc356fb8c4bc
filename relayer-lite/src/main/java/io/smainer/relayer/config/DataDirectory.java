package io.smainer.relayer.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The relayer's data directory: an exclusive lock ({@code lock}, holding the pid) so two relayers never
 * share a store, secrets created 0600 ({@code api-key}, {@code callback-secret}), and
 * {@code endpoint.json} written atomically once the server is bound.
 */
public final class DataDirectory implements AutoCloseable {
    public static final String LOCK = "lock";
    public static final String API_KEY = "api-key";
    public static final String CALLBACK_SECRET = "callback-secret";
    public static final String ENDPOINT = "endpoint.json";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directory (0700) if needed and takes the single-instance lock. */
    public static DataDirectory lock(Path dir) {
        try {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system: permissions are the operator's job
            }
            FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(dir.resolve(LOCK)), StandardCharsets.UTF_8).trim();
                ch.close();
                throw new ConfigException("--data-dir " + dir + " is in use by another relayer-lite (pid "
                        + (holder.isEmpty() ? "unknown" : holder) + "): stop it or choose another --data-dir");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return new DataDirectory(dir, ch, lock);
        } catch (IOException e) {
            throw new ConfigException("--data-dir " + dir + " is not usable: " + e.getMessage()
                    + " (check that it is a writable directory)", e);
        }
    }

    public Path path() {
        return dir;
    }

    /** Reads {@code name}, or creates it with 32 random bytes as hex (mode 0600). */
    public Secret secretFile(String name) {
        Path file = dir.resolve(name);
        try {
            if (!Files.exists(file)) {
                String value = HexFormat.of().formatHex(randomBytes());
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, value + "\n", StandardOpenOption.TRUNCATE_EXISTING);
                } catch (FileAlreadyExistsException raced) {
                    // another writer created it first; read theirs below
                }
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
                throw new ConfigException(file + " is readable by others (" + PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(file)) + "): chmod 600 " + file);
            }
            String value = Files.readString(file).trim();
            if (value.length() < 16) {
                throw new ConfigException(file + " holds a secret of " + value.length()
                        + " characters; at least 16 are required: delete the file to generate a new one");
            }
            return Secret.of(value);
        } catch (IOException e) {
            throw new ConfigException("cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code endpoint.json} via a temporary file and an atomic rename. */
    public void writeEndpoint(String host, int port) {
        String urlHost = host.contains(":") ? "[" + host + "]" : host;
        String json = "{\"http\":\"http://" + urlHost + ":" + port + "/api/v1\",\"ws\":\"ws://" + urlHost + ":" + port
                + "\",\"port\":" + port + ",\"pid\":" + ProcessHandle.current().pid() + "}\n";
        Path tmp = dir.resolve(ENDPOINT + ".tmp");
        try {
            Files.writeString(tmp, json);
            try {
                Files.move(tmp, dir.resolve(ENDPOINT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(ENDPOINT), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ConfigException("cannot write " + dir.resolve(ENDPOINT) + ": " + e.getMessage(), e);
        }
    }

    public void deleteEndpoint() {
        try {
            Files.deleteIfExists(dir.resolve(ENDPOINT));
        } catch (IOException ignored) {
            // best effort on shutdown: a stale endpoint.json names a pid that no longer runs
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // the OS releases the lock with the process anyway
        }
    }
}

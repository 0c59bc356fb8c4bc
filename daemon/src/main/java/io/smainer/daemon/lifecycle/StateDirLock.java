package io.smainer.daemon.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One daemon per state dir: an exclusive {@code flock}-style lock on {@code <state-dir>/daemon.lock}
 * holding the owner's pid. The OS drops it when the process dies, even on {@code kill -9}.
 */
public final class StateDirLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StateDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates the state dir (0700) when missing and takes the lock, or fails naming the holder. */
    public static StateDirLock acquire(Path stateDir) {
        Path file = stateDir.resolve("daemon.lock");
        try {
            if (!Files.isDirectory(stateDir)) {
                Files.createDirectories(stateDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException sameJvm) {
                l = null;
            }
            if (l == null) {
                String holder = Files.readString(file).trim();
                ch.close();
                throw new StateDirLockedException("state dir " + stateDir + " is in use by another smainer-daemon (pid "
                        + (holder.isEmpty() ? "unknown" : holder) + "): stop it first or pass a different --state-dir");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(true);
            return new StateDirLock(ch, l);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file + " (" + e.getMessage()
                    + "): check that the state dir exists and the daemon's user may write it", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process is exiting; the OS releases the lock anyway
        }
    }
}

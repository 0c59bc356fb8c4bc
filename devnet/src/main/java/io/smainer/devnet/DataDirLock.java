package io.smainer.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One devnet per data dir: an OS file lock on {@code devnet.lock}, held until {@link Devnet#close()}. */
final class DataDirLock {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve("devnet.lock");
        try {
            Files.createDirectories(dataDir);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                throw new IllegalStateException("devnet data dir " + dataDir + " is in use by another devnet (lock "
                        + file + "); stop it or choose another data dir");
            }
            return new DataDirLock(ch, l);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock devnet data dir " + dataDir + ": " + e.getMessage(), e);
        }
    }

    void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release devnet lock: " + e.getMessage(), e);
        }
    }
}

package io.smainer.sandbox.ns;

import java.io.ByteArrayOutputStream;

/**
 * Drains one output pipe to EOF, keeping the first {@code cap} bytes and counting the rest, so a task
 * that floods stdout neither blocks on a full pipe nor grows the daemon's heap.
 */
public final class CappedOutput implements Runnable {
    private final PosixFds fds;
    private final int fd;
    private final long cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long total;

    CappedOutput(PosixFds fds, int fd, long cap) {
        this.fds = fds;
        this.fd = fd;
        this.cap = cap;
    }

    @Override
    public void run() {
        byte[] buf = new byte[64 * 1024];
        try {
            int n;
            while ((n = fds.read(fd, buf)) > 0) {
                long room = cap - kept.size();
                if (room > 0) {
                    kept.write(buf, 0, (int) Math.min(room, n));
                }
                synchronized (this) {
                    total += n;
                }
            }
        } finally {
            fds.close(fd);
        }
    }

    public synchronized byte[] bytes() {
        return kept.toByteArray();
    }

    public synchronized long total() {
        return total;
    }
}

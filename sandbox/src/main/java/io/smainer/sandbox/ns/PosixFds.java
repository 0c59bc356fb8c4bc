package io.smainer.sandbox.ns;

import io.smainer.sandbox.SandboxException;
import jnr.constants.platform.Errno;
import jnr.constants.platform.Fcntl;
import jnr.posix.POSIX;

/** Pipes and blocking reads/writes on raw file descriptors through jnr-posix (no JNI of our own). */
public final class PosixFds {
    private static final int FD_CLOEXEC = 1;

    private final POSIX posix;

    public PosixFds(POSIX posix) {
        this.posix = posix;
    }

    /** A pipe whose both ends are close-on-exec in the JVM; posix_spawn's dup2 gives the child a plain copy. */
    public int[] pipe() throws SandboxException {
        int[] fds = new int[2];
        if (posix.pipe(fds) != 0) {
            throw new SandboxException("pipe(2) failed: errno " + posix.errno() + " (raise the daemon's RLIMIT_NOFILE)");
        }
        for (int fd : fds) {
            posix.fcntlInt(fd, Fcntl.F_SETFD, FD_CLOEXEC);
        }
        return fds;
    }

    /** Reads up to {@code buf.length} bytes; 0 at EOF; retries EINTR. */
    public int read(int fd, byte[] buf) {
        while (true) {
            int n = posix.read(fd, buf, buf.length);
            if (n >= 0) {
                return n;
            }
            if (posix.errno() != Errno.EINTR.intValue()) {
                return 0;
            }
        }
    }

    /** Writes everything; false when the reader went away (EPIPE). */
    public boolean writeAll(int fd, byte[] data, int offset, int length) {
        byte[] chunk = offset == 0 && length == data.length ? data : java.util.Arrays.copyOfRange(data, offset, offset + length);
        int done = 0;
        while (done < chunk.length) {
            byte[] rest = done == 0 ? chunk : java.util.Arrays.copyOfRange(chunk, done, chunk.length);
            int n = posix.write(fd, rest, rest.length);
            if (n < 0) {
                if (posix.errno() == Errno.EINTR.intValue()) {
                    continue;
                }
                return false;
            }
            done += n;
        }
        return true;
    }

    public void close(int fd) {
        if (fd >= 0) {
            posix.close(fd);
        }
    }
}

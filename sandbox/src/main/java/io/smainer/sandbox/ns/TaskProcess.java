package io.smainer.sandbox.ns;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import jnr.posix.POSIX;

/**
 * A running launcher: its pid and the parent ends of its pipes. Until {@link #start} it waits, namespaces
 * made and cgroup joined, for its plan. {@link #start} sends the plan, then drains stdout and stderr
 * (capped), feeds the files pipe and parses the status pipe on pool threads, so the calling task thread
 * only waits on futures and stays interruptible.
 */
public final class TaskProcess {
    private final POSIX posix;
    private final PosixFds fds;
    private final int pid;
    private final int stdoutFd;
    private final int stderrFd;
    private final int statusFd;
    private final int filesFd;
    private final int planFd;
    private boolean reaped;
    private static final int WNOHANG = 1;
    private final LaunchStatus status = new LaunchStatus();
    private final CompletableFuture<Long> execed = new CompletableFuture<>();
    private final CompletableFuture<LaunchStatus> ended = new CompletableFuture<>();
    private CappedOutput stdout;
    private CappedOutput stderr;
    private CompletableFuture<Void> outputsDone;

    TaskProcess(POSIX posix, PosixFds fds, int pid, int stdoutFd, int stderrFd, int statusFd, int filesFd,
            int planFd) {
        this.posix = posix;
        this.fds = fds;
        this.pid = pid;
        this.stdoutFd = stdoutFd;
        this.stderrFd = stderrFd;
        this.statusFd = statusFd;
        this.filesFd = filesFd;
        this.planFd = planFd;
    }

    public int pid() {
        return pid;
    }

    /**
     * Sends the plan (the launcher is blocked reading it, so this never waits on a full pipe for long) and
     * starts the readers. A launcher that died meanwhile shows up as a status without "exec".
     */
    public void start(Executor pool, byte[] plan, byte[] filesFrame, long stdoutCap, long stderrCap) {
        try {
            fds.writeAll(planFd, plan, 0, plan.length);
        } finally {
            fds.close(planFd);
        }
        stdout = new CappedOutput(fds, stdoutFd, stdoutCap);
        stderr = new CappedOutput(fds, stderrFd, stderrCap);
        outputsDone = CompletableFuture.allOf(CompletableFuture.runAsync(stdout, pool),
                CompletableFuture.runAsync(stderr, pool));
        if (filesFrame.length == 0) {
            fds.close(filesFd);
        } else {
            pool.execute(() -> {
                try {
                    fds.writeAll(filesFd, filesFrame, 0, filesFrame.length);
                } finally {
                    fds.close(filesFd);
                }
            });
        }
        pool.execute(this::readStatus);
    }

    private void readStatus() {
        byte[] buf = new byte[512];
        StringBuilder pending = new StringBuilder();
        try {
            int n;
            while ((n = fds.read(statusFd, buf)) > 0) {
                pending.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
                int nl;
                while ((nl = pending.indexOf("\n")) >= 0) {
                    String line = pending.substring(0, nl);
                    pending.delete(0, nl + 1);
                    synchronized (status) {
                        status.accept(line);
                    }
                    if (line.startsWith("exec")) {
                        execed.complete(System.nanoTime());
                    }
                }
            }
        } finally {
            fds.close(statusFd);
            execed.complete(-1L);
            ended.complete(status);
        }
    }

    /** Completes with System.nanoTime() of the task's execve, or -1 when setup failed. */
    public CompletableFuture<Long> execed() {
        return execed;
    }

    /** Completes when the launcher closed its status pipe (it exited or was killed). */
    public CompletableFuture<LaunchStatus> ended() {
        return ended;
    }

    public CompletableFuture<Void> outputsDone() {
        return outputsDone;
    }

    /** Reaps the launcher (it has exited or is exiting) so no zombie is left behind. */
    public synchronized void reap() {
        int[] st = new int[1];
        while (!reaped && posix.waitpid(pid, st, 0) < 0
                && posix.errno() == jnr.constants.platform.Errno.EINTR.intValue()) {
            // retry
        }
        reaped = true;
    }

    /** False once the launcher has exited (then it is reaped): a warm spare that died must not be used. */
    public synchronized boolean alive() {
        if (reaped) {
            return false;
        }
        int[] st = new int[1];
        if (posix.waitpid(pid, st, WNOHANG) == pid) {
            reaped = true;
        }
        return !reaped;
    }

    /** Discards a launcher that never got a plan: closes every pipe (it then fails "plan" and exits) and reaps it. */
    public void abandon() {
        for (int fd : new int[] {planFd, filesFd, statusFd, stdoutFd, stderrFd}) {
            fds.close(fd);
        }
        reap();
    }

    public CappedOutput stdout() {
        return stdout;
    }

    public CappedOutput stderr() {
        return stderr;
    }
}

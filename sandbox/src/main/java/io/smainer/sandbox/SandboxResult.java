package io.smainer.sandbox;

import io.smainer.protocol.wire.TaskErrorCode;
import java.util.Optional;

/**
 * How a sandboxed run ended. Exactly one of {@code exitCode >= 0} or {@code signal > 0}. The limit flags
 * come from kernel counters (memory/pids cgroup events, statvfs of the work dir), not from exit codes.
 * Outputs hold at most the configured caps; {@code *TotalBytes} counts everything the task wrote.
 */
public record SandboxResult(
        int exitCode,
        int signal,
        boolean timedOut,
        boolean oomKilled,
        boolean pidsLimitHit,
        boolean tmpfsFull,
        byte[] stdout,
        byte[] stderr,
        long stdoutTotalBytes,
        long stderrTotalBytes,
        ResourceReport resources) {

    public boolean stdoutTruncated() {
        return stdoutTotalBytes > stdout.length;
    }

    public boolean stderrTruncated() {
        return stderrTotalBytes > stderr.length;
    }

    /**
     * The {@code task_failed} code when a limit ended or crippled the task (PROTOCOL.md §2): a hit limit is
     * the cause even when the wall clock also ran out (a fork bomb spins until killed). A plain non-zero
     * exit is not a failure of the sandbox: it is the task's own result.
     */
    public Optional<TaskErrorCode> errorCode() {
        if (oomKilled || pidsLimitHit || tmpfsFull) {
            return Optional.of(TaskErrorCode.RESOURCE_LIMIT);
        }
        if (timedOut) {
            return Optional.of(TaskErrorCode.TIMEOUT);
        }
        return Optional.empty();
    }

    /** A payload-free sentence for {@code task_failed.error_message} and logs. */
    public String reason() {
        if (oomKilled) {
            return "memory limit reached: the kernel OOM killer ended the task (peak "
                    + resources.peakMemoryBytes() + " B)";
        }
        if (pidsLimitHit) {
            return "process limit reached (pids.max): fork refused" + (timedOut ? ", then killed at the time limit" : "");
        }
        if (tmpfsFull) {
            return "work dir (tmpfs) full: writes failed with ENOSPC";
        }
        if (timedOut) {
            return "time limit reached after " + resources.wallMillis() + " ms: whole process tree killed";
        }
        return signal > 0 ? "task killed by signal " + signal : "task exited with code " + exitCode;
    }

    @Override
    public String toString() {
        return "SandboxResult[exit=" + exitCode + ", signal=" + signal + ", timedOut=" + timedOut + ", oom=" + oomKilled
                + ", pids=" + pidsLimitHit + ", tmpfsFull=" + tmpfsFull + ", stdout=" + stdoutTotalBytes + " B, stderr="
                + stderrTotalBytes + " B, " + resources + "]";
    }
}

package io.smainer.daemon.isolation;

import io.smainer.daemon.config.SandboxSettings;
import io.smainer.sandbox.Sandbox;
import io.smainer.sandbox.SandboxConfig;
import io.smainer.sandbox.SandboxException;
import io.smainer.sandbox.SandboxFactory;
import io.smainer.sandbox.SandboxLimits;
import io.smainer.sandbox.TaskUser;
import io.smainer.sandbox.probe.IsolationProbe;
import io.smainer.sandbox.probe.IsolationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's sandbox, decided once at start: the isolation probe's facts (for {@code /status}), and the
 * opened {@link Sandbox} only when CUSTOM tasks are enabled and the probe found nothing missing. When it is
 * not open, {@link #refusalReason()} says why, and CUSTOM tasks are refused — never run unisolated.
 */
public final class TaskIsolation implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TaskIsolation.class);
    /** The task work dir is charged to the memory limit, so it takes at most half of it. */
    static final long MAX_TMPFS_BYTES = 64 * SandboxLimits.MIB;

    private final IsolationReport report;
    private final Sandbox sandbox;
    private final String refusalReason;

    private TaskIsolation(IsolationReport report, Sandbox sandbox, String refusalReason) {
        this.report = report;
        this.sandbox = sandbox;
        this.refusalReason = refusalReason;
    }

    /**
     * Probes (always: {@code /status} shows the facts) and opens the sandbox when {@code open} is set.
     *
     * @param cgroupParent the directory below the daemon's cgroup for task cgroups (stale ones in it are reaped)
     * @param procRoot     normally {@code /proc}
     */
    public static TaskIsolation start(SandboxSettings settings, TaskUser user, String cgroupParent, Path procRoot,
                                      boolean open) {
        SandboxConfig config = sandboxConfig(settings, user, cgroupParent);
        POSIX posix = POSIXFactory.getNativePOSIX();
        IsolationReport report = new IsolationProbe(config, procRoot, posix.geteuid())
                .probe(settings.runtimes().interpreters());
        if (!open) {
            return new TaskIsolation(report, null, "the sandbox is not opened: no enabled task kind needs it");
        }
        if (!report.available()) {
            return new TaskIsolation(report, null, report.refusalReason());
        }
        if (!Files.isDirectory(settings.tempDir())) {
            return new TaskIsolation(report, null, "task isolation unavailable: sandbox_temp_dir " + settings.tempDir()
                    + " is not a directory; create it or set SANDBOX_TEMP_DIR to an existing directory such as /tmp");
        }
        try {
            // Same procRoot as the probe: the user namespace decision in /status is the one the sandbox uses.
            return new TaskIsolation(report, SandboxFactory.open(config, posix, procRoot), null);
        } catch (SandboxException e) {
            return new TaskIsolation(report, null, "task isolation unavailable: " + e.getMessage());
        }
    }

    static SandboxConfig sandboxConfig(SandboxSettings s, TaskUser user, String cgroupParent) {
        SandboxConfig d = SandboxConfig.defaults(s.launcher());
        return new SandboxConfig(s.launcher(), user.uid(), user.gid(), s.tempDir(), d.readOnlyPaths(), d.devices(),
                d.gpuDeviceDir(), cgroupParent, d.mountInfo(), d.selfCgroup(), true, s.userns(), s.prewarm());
    }

    /** Per-task limits from the settings; {@code maxWall} caps a task's own {@code timeout_seconds}. */
    public static SandboxLimits limits(SandboxSettings s, Duration maxWall) {
        return SandboxLimits.defaults().withTmpfsBytes(Math.min(MAX_TMPFS_BYTES, s.memoryBytes() / 2))
                .withMemoryBytes(s.memoryBytes()).withOutputCaps(s.stdoutCapBytes(), s.stderrCapBytes())
                .withWallTimeout(maxWall);
    }

    public IsolationReport report() {
        return report;
    }

    /** The open sandbox, or null when CUSTOM is disabled or isolation is unavailable. */
    public Sandbox sandbox() {
        return sandbox;
    }

    /** Why sandboxed CUSTOM tasks are refused here, or null when the sandbox is open. */
    public String refusalReason() {
        return refusalReason;
    }

    /**
     * Closes the sandbox (its warm launchers and their cgroups go first, so they are not mistaken for
     * leftovers), kills what a cancelled task may have left and removes the (then empty) cgroup parents.
     * Called after the drain, when no task can start any more.
     */
    @Override
    public void close() {
        if (sandbox == null) {
            return;
        }
        sandbox.close();
        try {
            int reaped = sandbox.cgroups().reapStale();
            if (reaped > 0) {
                log.info("sandbox: removed {} task cgroup(s) at shutdown", reaped);
            }
            for (Path parent : sandbox.cgroups().parents().values()) {
                Files.deleteIfExists(parent);
            }
        } catch (SandboxException | IOException e) {
            log.warn("sandbox: cleaning up the cgroup parent {} failed ({}); it is reaped at the next start",
                    sandbox.config().cgroupParentName(), e.getMessage());
        }
    }
}

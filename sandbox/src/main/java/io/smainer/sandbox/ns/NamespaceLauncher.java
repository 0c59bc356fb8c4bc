package io.smainer.sandbox.ns;

import io.smainer.sandbox.SandboxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jnr.posix.POSIX;
import jnr.posix.SpawnFileAction;

/**
 * Spawns {@code smainer-launch} with {@code posix_spawn} (glibc: clone(CLONE_VM|CLONE_VFORK) + exec, so the
 * JVM's address space is never copied) with fds 0..4 wired as {@link LaunchPlan} documents. The launcher
 * itself clears the signal mask and restores default dispositions inherited from the JVM thread.
 */
public final class NamespaceLauncher {
    private static final int O_RDONLY = 0;

    private final POSIX posix;
    private final PosixFds fds;
    private final Path launcher;

    public NamespaceLauncher(POSIX posix, Path launcher) {
        this.posix = posix;
        this.fds = new PosixFds(posix);
        this.launcher = launcher;
    }

    public PosixFds fds() {
        return fds;
    }

    public TaskProcess spawn(LaunchPlan plan, Map<String, String> env) throws SandboxException {
        int[] out = fds.pipe();
        int[] err = fds.pipe();
        int[] status = fds.pipe();
        int[] files = plan.hasFiles() ? fds.pipe() : new int[] {-1, -1};
        List<SpawnFileAction> actions = new ArrayList<>();
        actions.add(SpawnFileAction.open("/dev/null", 0, O_RDONLY, 0));
        actions.add(SpawnFileAction.dup(out[1], 1));
        actions.add(SpawnFileAction.dup(err[1], 2));
        actions.add(SpawnFileAction.dup(status[1], LaunchPlan.STATUS_FD));
        if (plan.hasFiles()) {
            actions.add(SpawnFileAction.dup(files[0], LaunchPlan.FILES_FD));
        }
        List<String> envp = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        long pid = posix.posix_spawnp(launcher.toString(), actions, plan.argv(launcher), envp);
        fds.close(out[1]);
        fds.close(err[1]);
        fds.close(status[1]);
        fds.close(files[0]);
        if (pid <= 0) {
            fds.close(out[0]);
            fds.close(err[0]);
            fds.close(status[0]);
            fds.close(files[1]);
            throw new SandboxException("launcher: posix_spawn of " + launcher + " failed (errno " + posix.errno()
                    + "); check that it exists and is executable, or set " + io.smainer.sandbox.SandboxConfig.KEY_LAUNCHER);
        }
        return new TaskProcess(posix, fds, (int) pid, out[0], err[0], status[0], files[1]);
    }
}

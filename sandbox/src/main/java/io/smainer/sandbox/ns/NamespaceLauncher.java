package io.smainer.sandbox.ns;

import io.smainer.sandbox.SandboxConfig;
import io.smainer.sandbox.SandboxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jnr.posix.POSIX;
import jnr.posix.SpawnFileAction;

/**
 * Spawns {@code smainer-launch} with {@code posix_spawn} (glibc: clone(CLONE_VM|CLONE_VFORK) + exec, so the
 * JVM's address space is never copied) with fds 0..5 wired as {@link LauncherSetup} documents and an empty
 * environment (the task's comes in its {@link LaunchPlan}). The launcher clears the signal mask and restores
 * default dispositions inherited from the JVM thread. Its parent-death signal follows the spawning thread:
 * spawn from a thread that lives as long as the launcher must.
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

    /** Starts a launcher that sets up its namespaces and cgroup, then waits for {@link TaskProcess#start}. */
    public TaskProcess spawn(LauncherSetup setup) throws SandboxException {
        List<int[]> pipes = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                pipes.add(fds.pipe());
            }
        } catch (SandboxException e) {
            pipes.forEach(p -> closeBoth(p));
            throw e;
        }
        int[] out = pipes.get(0);
        int[] err = pipes.get(1);
        int[] status = pipes.get(2);
        int[] files = pipes.get(3);
        int[] plan = pipes.get(4);
        List<SpawnFileAction> actions = List.of(SpawnFileAction.open("/dev/null", 0, O_RDONLY, 0),
                SpawnFileAction.dup(out[1], 1), SpawnFileAction.dup(err[1], 2),
                SpawnFileAction.dup(status[1], LauncherSetup.STATUS_FD),
                SpawnFileAction.dup(files[0], LauncherSetup.FILES_FD), SpawnFileAction.dup(plan[0], LauncherSetup.PLAN_FD));
        long pid = posix.posix_spawnp(launcher.toString(), actions, setup.argv(launcher), List.of());
        int errno = posix.errno();
        for (int fd : new int[] {out[1], err[1], status[1], files[0], plan[0]}) {
            fds.close(fd);
        }
        if (pid <= 0) {
            for (int fd : new int[] {out[0], err[0], status[0], files[1], plan[1]}) {
                fds.close(fd);
            }
            throw new SandboxException("launcher: posix_spawn of " + launcher + " failed (errno " + errno
                    + "); check that it exists and is executable, or set " + SandboxConfig.KEY_LAUNCHER);
        }
        return new TaskProcess(posix, fds, (int) pid, out[0], err[0], status[0], files[1], plan[1]);
    }

    private void closeBoth(int[] pipe) {
        fds.close(pipe[0]);
        fds.close(pipe[1]);
    }
}

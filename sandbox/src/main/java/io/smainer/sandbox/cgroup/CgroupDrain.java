package io.smainer.sandbox.cgroup;

import io.smainer.sandbox.SandboxException;
import java.nio.file.Path;
import java.util.List;

/** Kills what is in a set of cgroups until they are empty: the loop both drivers end their kill with. */
final class CgroupDrain {
    /** A frozen or killed tree empties within milliseconds; 5 s means a process stuck in the kernel. */
    static final long DEADLINE_NANOS = 5_000_000_000L;

    private CgroupDrain() {
    }

    static void killUntilEmpty(CgroupFs fs, ProcessKiller killer, List<Path> procsFiles) throws SandboxException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (true) {
            boolean empty = true;
            for (Path procs : procsFiles) {
                List<Integer> pids = fs.pids(procs);
                for (int pid : pids) {
                    killer.kill(pid);
                }
                empty &= pids.isEmpty();
            }
            if (empty) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new SandboxException("cgroup: processes in " + procsFiles + " survived SIGKILL for 5 s"
                        + " (stuck in uninterruptible sleep?); the cgroup is left for the next start to reap");
            }
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.smainer.sandbox;

import io.smainer.sandbox.cgroup.CgroupDriver;
import io.smainer.sandbox.cgroup.TaskCgroup;
import io.smainer.sandbox.ns.LauncherSetup;
import io.smainer.sandbox.ns.MountOp;
import io.smainer.sandbox.ns.NamespaceLauncher;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts launchers before their tasks are accepted, so the slow, task-independent part of a sandbox (cgroup
 * mkdir, launcher exec, namespace creation including the user namespace and its id maps, joining the
 * cgroup, which on cgroup v1 waits for an RCU grace period, assembling the default root and detaching the
 * host's, which waits for another) is off the accepted → exec path. Each spare has new namespaces, a new
 * cgroup and a new root and serves one task; {@link #take} starts the next in the background. With no spare
 * ready, the caller waits for the one being started; a task that needs another root (extra read-only paths,
 * GPU nodes), or {@code spares = 0}, gets a launcher started when it is accepted.
 * Spares are started by one long-lived thread: a launcher's parent-death signal follows the thread that
 * spawned it, and a pool thread that expired when idle would kill its spares.
 */
final class WarmSlots implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WarmSlots.class);

    private final CgroupDriver cgroups;
    private final NamespaceLauncher launcher;
    private final BiFunction<TaskCgroup, List<MountOp>, LauncherSetup> setup;
    private final List<MountOp> defaultRoot;
    private final int spares;
    private final ExecutorService starter;
    private final Deque<Future<SandboxSlot>> ready = new ArrayDeque<>();
    private final String prefix = "task-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    private final AtomicLong names = new AtomicLong();
    /** Cgroup names of spares not yet taken, registered before their mkdir so a leak check never races a start. */
    private final Set<String> spareNames = ConcurrentHashMap.newKeySet();
    private boolean closed;

    WarmSlots(CgroupDriver cgroups, NamespaceLauncher launcher, BiFunction<TaskCgroup, List<MountOp>, LauncherSetup> setup,
            List<MountOp> defaultRoot, int spares) {
        this.cgroups = cgroups;
        this.launcher = launcher;
        this.setup = setup;
        this.defaultRoot = List.copyOf(defaultRoot);
        this.spares = spares;
        this.starter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sandbox-warm");
            t.setDaemon(true);
            return t;
        });
        synchronized (this) {
            for (int i = 0; i < spares; i++) {
                ready.add(starter.submit(this::startSpare));
            }
        }
    }

    /**
     * A slot for one task: a warm spare when one started, else one started now on the calling thread.
     *
     * @param root the task's root when it is not the default one, else null
     */
    SandboxSlot take(List<MountOp> root) throws SandboxException, InterruptedException {
        if (root != null && !root.equals(defaultRoot)) {
            return start(root);
        }
        Future<SandboxSlot> next;
        synchronized (this) {
            if (closed) {
                throw new SandboxException("sandbox: closed (the daemon is shutting down)");
            }
            next = ready.poll();
            if (next != null) {
                ready.add(starter.submit(this::startSpare));
            }
        }
        if (next != null) {
            try {
                SandboxSlot slot = next.get();
                spareNames.remove(slot.cgroup().dirs().get(0).getFileName().toString());
                if (slot.process().alive()) {
                    return slot;
                }
                LOG.warn("warm sandbox launcher {} had exited before its task; starting another", slot.process().pid());
                discard(slot);
            } catch (ExecutionException e) {
                LOG.warn("starting a warm sandbox failed ({}); starting one for the task now", e.getCause().getMessage());
            }
        }
        return start(defaultRoot);
    }

    private SandboxSlot startSpare() throws SandboxException {
        String name = prefix + names.incrementAndGet();
        spareNames.add(name);
        try {
            return start(name, defaultRoot);
        } catch (SandboxException | RuntimeException e) {
            spareNames.remove(name);
            throw e;
        }
    }

    private SandboxSlot start(List<MountOp> root) throws SandboxException {
        return start(prefix + names.incrementAndGet(), root);
    }

    private SandboxSlot start(String name, List<MountOp> root) throws SandboxException {
        TaskCgroup cgroup = cgroups.prepare(name);
        try {
            return new SandboxSlot(cgroup, launcher.spawn(setup.apply(cgroup, root)));
        } catch (SandboxException | RuntimeException e) {
            cgroup.destroy();
            throw e;
        }
    }

    /** The cgroup directories of spares (started or starting): they exist between tasks by design. */
    List<Path> spareDirs() {
        List<Path> dirs = new ArrayList<>();
        for (Path parent : cgroups.parents().values()) {
            spareNames.forEach(name -> dirs.add(parent.resolve(name)));
        }
        return dirs;
    }

    int spares() {
        return spares;
    }

    /**
     * Kills the spares (their cgroups go with them), reaps their launchers, then stops the starter thread.
     * The order matters: a launcher dies with the thread that spawned it (PR_SET_PDEATHSIG is per thread), so
     * a starter that ended first would kill the spares' launchers before they reap their pid 1, leaving it a
     * zombie for the host's init. For the same reason, call this after the tasks that ran on spares ended.
     */
    @Override
    public void close() {
        List<Future<SandboxSlot>> pending;
        synchronized (this) {
            closed = true;
            pending = new ArrayList<>(ready);
            ready.clear();
        }
        try {
            for (Future<SandboxSlot> f : pending) {
                try {
                    discard(f.get());
                } catch (ExecutionException e) {
                    // never started
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            starter.shutdown();
        }
    }

    private static void discard(SandboxSlot slot) {
        try {
            slot.cgroup().destroy();
        } catch (SandboxException e) {
            LOG.warn("removing a warm sandbox cgroup failed: {}", e.getMessage());
        }
        slot.process().abandon();
    }
}

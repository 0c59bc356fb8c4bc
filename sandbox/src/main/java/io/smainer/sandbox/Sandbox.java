package io.smainer.sandbox;

import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.sandbox.cgroup.CgroupDriver;
import io.smainer.sandbox.cgroup.CgroupUsage;
import io.smainer.sandbox.cgroup.TaskCgroup;
import io.smainer.sandbox.ns.LaunchPlan;
import io.smainer.sandbox.ns.LaunchStatus;
import io.smainer.sandbox.ns.LauncherSetup;
import io.smainer.sandbox.ns.MountOp;
import io.smainer.sandbox.ns.NamespaceLauncher;
import io.smainer.sandbox.ns.RootFsLayout;
import io.smainer.sandbox.ns.TaskFilesEncoder;
import io.smainer.sandbox.ns.TaskProcess;
import io.smainer.sandbox.probe.TaskUserNamespace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link SandboxSpec}: takes a launcher that already made its namespaces and joined its new cgroup
 * ({@link WarmSlots}), sets the task's cgroup limits, sends the plan (mounts, user, argv), waits up to the
 * wall timeout, kills the whole cgroup (every descendant, daemonised ones included), removes the cgroup
 * and reports. The work dir is a tmpfs inside the task's mount namespace: it disappears with the
 * namespace, so nothing the task wrote outlives it. Build with {@link SandboxFactory}; thread-safe; one
 * call per task thread; {@link #close} kills the warm spares.
 */
public final class Sandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    private static final String HOSTNAME = "smainer-task";
    /** Bound on draining pipes once the tree is dead: only a leaked descriptor could hold them open. */
    private static final long OUTPUT_DRAIN_SECONDS = 10;

    private final SandboxConfig config;
    private final CgroupDriver cgroups;
    private final RootFsLayout layout;
    private final ExecutorService pool;
    private final TaskUserNamespace userns;
    private final WarmSlots slots;

    /** @param defaultRoot the root of a task with no extra paths and no GPU: what warm spares assemble */
    Sandbox(SandboxConfig config, CgroupDriver cgroups, NamespaceLauncher launcher, ExecutorService pool,
            TaskUserNamespace userns, RootFsLayout layout, List<MountOp> defaultRoot) {
        this.config = config;
        this.cgroups = cgroups;
        this.layout = layout;
        this.pool = pool;
        this.userns = userns;
        this.slots = new WarmSlots(cgroups, launcher, this::setup, defaultRoot, config.prewarm());
    }

    private LauncherSetup setup(TaskCgroup cgroup, List<MountOp> root) {
        return new LauncherSetup(cgroup.procsFiles(), config.rootBase(), root, HOSTNAME, RootFsLayout.WORK_DIR,
                config.taskUid(), config.taskGid(), userns.enabled());
    }

    /** Whether tasks run in a user namespace of their own, and why not. */
    public TaskUserNamespace userNamespace() {
        return userns;
    }

    /** Cgroups of warm spares: present between tasks by design, each empty of task processes. */
    public List<Path> spareCgroupDirs() {
        return slots.spareDirs();
    }

    public CgroupDriver cgroups() {
        return cgroups;
    }

    public SandboxConfig config() {
        return config;
    }

    /**
     * @throws SandboxException the sandbox itself failed (SANDBOX_ERROR), or the task's files did not fit
     *                          its work dir (RESOURCE_LIMIT); limits hit by the task are in the result
     * @throws InterruptedException the task thread was interrupted (cancel, drain): the tree is killed first
     */
    public SandboxResult run(SandboxSpec spec) throws SandboxException, InterruptedException {
        long accepted = System.nanoTime();
        SandboxSlot slot = slots.take(root(spec));
        TaskCgroup cgroup = slot.cgroup();
        TaskProcess process = slot.process();
        boolean started = false;
        try {
            LOG.debug("task {} runs in cgroup {} (launcher {})", spec.taskId(), cgroup.dirs(), process.pid());
            // Limits before the plan: no task code runs before its cgroup is limited.
            cgroup.limit(spec.limits().cgroupLimits());
            byte[] plan = plan(spec).encode();
            started = true;
            process.start(pool, plan, TaskFilesEncoder.encode(spec.files()), spec.limits().stdoutCapBytes(),
                    spec.limits().stderrCapBytes());
            boolean timedOut = awaitEnd(process, cgroup, accepted, spec);
            long execAt = process.execed().getNow(-1L);
            cgroup.killAll();
            LaunchStatus status = process.ended().get();
            process.reap();
            process.outputsDone().get(OUTPUT_DRAIN_SECONDS, TimeUnit.SECONDS);
            if (!status.execed()) {
                throw setupFailure(spec, status);
            }
            CgroupUsage usage = cgroup.usage();
            long wall = (System.nanoTime() - accepted) / 1_000_000;
            ResourceReport report = new ResourceReport(wall, usage.cpuMicros() < 0 ? -1 : usage.cpuMicros() / 1000,
                    usage.peakMemoryBytes(), execAt < 0 ? -1 : (execAt - accepted) / 1000);
            SandboxResult result = new SandboxResult(status.exitCode(), status.signal(), timedOut,
                    usage.oomKills() > 0, usage.pidsLimitHits() > 0, status.workDirFull(), process.stdout().bytes(),
                    process.stderr().bytes(), process.stdout().total(), process.stderr().total(), report);
            LOG.debug("task {} sandbox ended: {}", spec.taskId(), result);
            return result;
        } catch (ExecutionException | TimeoutException e) {
            throw new SandboxException("sandbox: waiting for task " + spec.taskId() + " failed: " + e, e);
        } finally {
            // Runs on success, failure and interruption alike: no process, cgroup or mount outlives run().
            cgroup.destroy();
            if (started) {
                process.reap();
            } else {
                process.abandon();
            }
        }
    }

    /**
     * Kills the warm spares and reaps their launchers. Call it after running tasks ended (the daemon closes
     * after its drain): a task started on a warm spare has a launcher tied to the spare-starter thread, which
     * ends here.
     */
    @Override
    public void close() {
        slots.close();
    }

    /** Returns whether the wall timeout fired; kills the tree on timeout and on interruption. */
    private boolean awaitEnd(TaskProcess process, TaskCgroup cgroup, long accepted, SandboxSpec spec)
            throws SandboxException, InterruptedException, ExecutionException {
        long remaining = spec.limits().wallTimeout().toNanos() - (System.nanoTime() - accepted);
        try {
            process.ended().get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
            return false;
        } catch (TimeoutException e) {
            LOG.info("task {} reached its {} ms time limit: killing its cgroup", spec.taskId(),
                    spec.limits().wallTimeout().toMillis());
            cgroup.killAll();
            return true;
        } catch (InterruptedException e) {
            cgroup.killAll();
            throw e;
        }
    }

    /** Null for the default root (a warm spare's), else this task's own. */
    private List<MountOp> root(SandboxSpec spec) throws SandboxException {
        if (spec.extraReadOnlyPaths().isEmpty() && !spec.gpu()) {
            return null;
        }
        try {
            return layout.mounts(spec.extraReadOnlyPaths(), spec.gpu());
        } catch (IOException e) {
            throw new SandboxException("sandbox: cannot inspect read-only path for task " + spec.taskId() + ": " + e, e);
        }
    }

    private LaunchPlan plan(SandboxSpec spec) {
        return new LaunchPlan(RootFsLayout.workDir(spec.limits().tmpfsBytes()), Map.of("nofile",
                spec.limits().openFilesMax()), config.seccomp(), environment(spec), spec.argv());
    }

    private static Map<String, String> environment(SandboxSpec spec) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", RootFsLayout.WORK_DIR.toString());
        env.put("TMPDIR", RootFsLayout.WORK_DIR.toString());
        env.put("LANG", "C.UTF-8");
        env.putAll(spec.env());
        return env;
    }

    private SandboxException setupFailure(SandboxSpec spec, LaunchStatus status) {
        String stage = status.errorStage() == null ? "killed before exec" : status.errorStage();
        if ("files-write".equals(stage) && status.errorErrno() == 28) {
            return new SandboxException(TaskErrorCode.RESOURCE_LIMIT, "task " + spec.taskId() + ": its files do not fit"
                    + " the " + spec.limits().tmpfsBytes() + " B work dir (raise the tmpfs limit)", null);
        }
        String hint = stage.startsWith("unshare-user") || stage.startsWith("userns")
                ? "; the host refused the task's user namespace: raise sysctl user.max_user_namespaces or set "
                        + SandboxConfig.KEY_USERNS + "=off (the rest of the isolation still applies)"
                : "; run `smainer doctor` for the isolation probe";
        return new SandboxException("launcher " + config.launcher() + ": stage '" + stage + "' failed with errno "
                + status.errorErrno() + " for task " + spec.taskId() + " (as uid " + config.taskUid() + ", user"
                + " namespace " + (userns.enabled() ? "on" : "off") + ")" + hint, null);
    }
}

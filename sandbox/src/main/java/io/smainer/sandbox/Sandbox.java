package io.smainer.sandbox;

import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.sandbox.cgroup.CgroupDriver;
import io.smainer.sandbox.cgroup.CgroupUsage;
import io.smainer.sandbox.cgroup.TaskCgroup;
import io.smainer.sandbox.ns.LaunchPlan;
import io.smainer.sandbox.ns.LaunchStatus;
import io.smainer.sandbox.ns.MountOp;
import io.smainer.sandbox.ns.NamespaceLauncher;
import io.smainer.sandbox.ns.RootFsLayout;
import io.smainer.sandbox.ns.TaskFilesEncoder;
import io.smainer.sandbox.ns.TaskProcess;
import java.io.IOException;
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
 * Runs one {@link SandboxSpec}: creates the task cgroup, spawns the launcher (which joins the cgroup
 * before it unshares and execs), waits up to the wall timeout, kills the whole cgroup (every descendant,
 * daemonised ones included), removes the cgroup and reports. The work dir is a tmpfs inside the task's
 * mount namespace: it disappears with the namespace, so nothing the task wrote outlives it.
 * Build with {@link SandboxFactory}; thread-safe; one call per task thread.
 */
public final class Sandbox {
    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    /** Bound on draining pipes once the tree is dead: only a leaked descriptor could hold them open. */
    private static final long OUTPUT_DRAIN_SECONDS = 10;

    private final SandboxConfig config;
    private final CgroupDriver cgroups;
    private final NamespaceLauncher launcher;
    private final RootFsLayout layout;
    private final ExecutorService pool;

    Sandbox(SandboxConfig config, CgroupDriver cgroups, NamespaceLauncher launcher, ExecutorService pool) {
        this.config = config;
        this.cgroups = cgroups;
        this.launcher = launcher;
        this.layout = new RootFsLayout(config.readOnlyPaths(), config.devices(), config.gpuDeviceDir());
        this.pool = pool;
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
        TaskCgroup cgroup = cgroups.create(spec.taskId(), spec.limits().cgroupLimits());
        TaskProcess process = null;
        try {
            process = launcher.spawn(plan(spec, cgroup), environment(spec));
            process.start(pool, TaskFilesEncoder.encode(spec.files()), spec.limits().stdoutCapBytes(),
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
            if (process != null) {
                process.reap();
            }
        }
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

    private LaunchPlan plan(SandboxSpec spec, TaskCgroup cgroup) throws SandboxException {
        List<MountOp> mounts;
        try {
            mounts = layout.mounts(spec.extraReadOnlyPaths(), spec.limits().tmpfsBytes(), spec.gpu());
        } catch (IOException e) {
            throw new SandboxException("sandbox: cannot inspect read-only path for task " + spec.taskId() + ": " + e, e);
        }
        return new LaunchPlan(cgroup.procsFiles(), config.rootBase(), mounts, "smainer-task", RootFsLayout.WORK_DIR,
                config.taskUid(), config.taskGid(), Map.of("nofile", spec.limits().openFilesMax()), config.seccomp(),
                !spec.files().isEmpty(), spec.argv());
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
        return new SandboxException("launcher " + config.launcher() + ": stage '" + stage + "' failed with errno "
                + status.errorErrno() + " for task " + spec.taskId() + " (as uid " + config.taskUid()
                + "); run `smainer doctor` for the isolation probe", null);
    }
}

package io.smainer.sandbox;

import io.smainer.sandbox.cgroup.CgroupDetector;
import io.smainer.sandbox.cgroup.CgroupDriver;
import io.smainer.sandbox.cgroup.CgroupFs;
import io.smainer.sandbox.cgroup.ProcessKiller;
import io.smainer.sandbox.ns.MountOp;
import io.smainer.sandbox.ns.NamespaceLauncher;
import io.smainer.sandbox.ns.RootFsLayout;
import java.io.IOException;
import java.util.List;
import io.smainer.sandbox.probe.TaskUserNamespace;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import jnr.constants.platform.Signal;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link Sandbox} once at daemon start: probes isolation, chooses the cgroup driver from the mount
 * table, prepares the cgroup parent and reaps task cgroups a crashed predecessor left. Refuses (throws)
 * when isolation is unavailable; callers then refuse sandboxed kinds, never run them unisolated.
 */
public final class SandboxFactory {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxFactory.class);

    private SandboxFactory() {
    }

    public static Sandbox open(SandboxConfig config) throws SandboxException {
        return open(config, POSIXFactory.getNativePOSIX());
    }

    public static Sandbox open(SandboxConfig config, POSIX posix) throws SandboxException {
        return open(config, posix, Path.of("/proc"));
    }

    /** @param procRoot normally {@code /proc}; decides the user namespace like the probe does */
    public static Sandbox open(SandboxConfig config, POSIX posix, Path procRoot) throws SandboxException {
        LauncherCheck.verify(config.launcher());
        if (posix.geteuid() != 0) {
            throw new SandboxException("sandbox: the daemon runs as uid " + posix.geteuid() + "; creating pid/mount/net"
                    + " namespaces and task cgroups needs root (rootless user-namespace mode is not supported yet)."
                    + " Fix: run smainer-daemon as root (systemd unit) or keep CUSTOM/AI sandboxed kinds disabled");
        }
        ProcessKiller killer = pid -> posix.kill(pid, Signal.SIGKILL.intValue());
        CgroupFs fs = new CgroupFs();
        CgroupDriver driver = new CgroupDetector(config.mountInfo(), config.selfCgroup(), config.cgroupParentName())
                .detect(fs, killer);
        String problem = driver.delegationProblem();
        if (problem != null) {
            throw new SandboxException(problem);
        }
        fs.apply(driver.planPrepare());
        int reaped = driver.reapStale();
        if (reaped > 0) {
            LOG.warn("reaped {} task cgroups left by a previous run under {}", reaped, driver.parents().values());
        }
        TaskUserNamespace userns = TaskUserNamespace.decide(config.userns(), procRoot, config.taskUid(),
                config.taskGid());
        LOG.info("sandbox ready: cgroup {} at {}, launcher {}, task user {}:{}, user namespace {} ({}), seccomp {},"
                + " warm spares {}", driver.version(), driver.parents().values(), config.launcher(), config.taskUid(),
                config.taskGid(), userns.enabled() ? "on" : "off", userns.reason(), config.seccomp(), config.prewarm());
        RootFsLayout layout = new RootFsLayout(config.readOnlyPaths(), config.devices(), config.gpuDeviceDir());
        List<MountOp> defaultRoot;
        try {
            defaultRoot = layout.mounts(List.of(), false);
        } catch (IOException e) {
            throw new SandboxException("sandbox: cannot inspect the read-only paths " + config.readOnlyPaths() + ": " + e
                    + "; fix the path or remove it from the sandbox's read-only list", e);
        }
        return new Sandbox(config, driver, new NamespaceLauncher(posix, config.launcher()), ioPool(), userns, layout,
                defaultRoot);
    }

    /** Daemon threads draining task pipes; idle ones expire, so an idle daemon holds none. */
    private static ExecutorService ioPool() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sandbox-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}

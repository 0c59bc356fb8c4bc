package io.smainer.sandbox.probe;

import io.smainer.sandbox.LauncherCheck;
import io.smainer.sandbox.SandboxConfig;
import io.smainer.sandbox.SandboxException;
import io.smainer.sandbox.cgroup.CgroupDetector;
import io.smainer.sandbox.cgroup.CgroupDriver;
import io.smainer.sandbox.cgroup.CgroupFs;
import io.smainer.sandbox.ns.RootFsLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Probes, without creating anything: the cgroup driver the sandbox would pick and whether its parent is
 * delegated, kernel namespace support ({@code /proc/self/ns/*}), unprivileged user namespaces
 * ({@code user.max_user_namespaces}, Debian's {@code kernel.unprivileged_userns_clone}, Ubuntu 24.04's
 * {@code kernel.apparmor_restrict_unprivileged_userns}), whether tasks get a user namespace
 * ({@link TaskUserNamespace}), seccomp filter support, tmpfs, the launcher, allowed runtimes and GPU device nodes.
 *
 * @param procRoot normally {@code /proc}
 */
public final class IsolationProbe {
    static final List<String> REQUIRED_NAMESPACES = List.of("pid", "mnt", "net", "uts", "ipc", "cgroup");

    private final SandboxConfig config;
    private final Path procRoot;
    private final int euid;

    public IsolationProbe(SandboxConfig config, Path procRoot, int euid) {
        this.config = config;
        this.procRoot = procRoot;
        this.euid = euid;
    }

    /** @param runtimes runtime name → interpreter path, as the operator configured them */
    public IsolationReport probe(Map<String, Path> runtimes) {
        List<String> problems = new ArrayList<>();
        if (euid != 0) {
            problems.add("daemon runs as uid " + euid + ", not root: namespaces and task cgroups need root");
        }
        String version = "none";
        List<String> controllers = List.of();
        Map<String, String> parents = Map.of();
        boolean delegated = false;
        try {
            CgroupDriver driver = new CgroupDetector(config.mountInfo(), config.selfCgroup(), config.cgroupParentName())
                    .detect(new CgroupFs(), pid -> { });
            version = driver.version().name().toLowerCase(java.util.Locale.ROOT);
            controllers = List.copyOf(driver.parents().keySet());
            Map<String, String> p = new LinkedHashMap<>();
            driver.parents().forEach((k, v) -> p.put(k, v.toString()));
            parents = p;
            String problem = driver.delegationProblem();
            delegated = problem == null;
            if (problem != null) {
                problems.add(problem);
            }
        } catch (SandboxException e) {
            problems.add(e.getMessage());
        }
        Map<String, Boolean> namespaces = new LinkedHashMap<>();
        for (String ns : List.of("pid", "mnt", "net", "uts", "ipc", "cgroup", "user")) {
            namespaces.put(ns, Files.exists(procRoot.resolve("self/ns").resolve(ns)));
        }
        REQUIRED_NAMESPACES.stream().filter(ns -> !namespaces.get(ns)).forEach(ns -> problems.add(
                "kernel lacks the " + ns + " namespace (/proc/self/ns/" + ns + " missing): use a kernel with CONFIG_"
                        + ns.toUpperCase(java.util.Locale.ROOT) + "_NS"));
        boolean apparmorRestricts = "1".equals(read("sys/kernel/apparmor_restrict_unprivileged_userns"));
        boolean usernsAllowed = !"0".equals(read("sys/user/max_user_namespaces"))
                && !"0".equals(read("sys/kernel/unprivileged_userns_clone")) && !apparmorRestricts;
        TaskUserNamespace taskUserns = TaskUserNamespace.decide(config.userns(), procRoot, config.taskUid(),
                config.taskGid());
        String status = read("self/status");
        boolean seccomp = status != null && status.contains("Seccomp:")
                && (read("sys/kernel/seccomp/actions_avail") == null
                        || read("sys/kernel/seccomp/actions_avail").contains("errno"));
        if (!seccomp) {
            problems.add("kernel has no seccomp filter support (CONFIG_SECCOMP_FILTER)");
        }
        String filesystems = read("filesystems");
        boolean tmpfs = filesystems != null && filesystems.contains("\ttmpfs");
        if (!tmpfs) {
            problems.add("tmpfs is not available (/proc/filesystems): the task work dir needs it");
        }
        String launcherProblem = LauncherCheck.problem(config.launcher());
        if (launcherProblem != null) {
            problems.add(launcherProblem);
        }
        Map<String, String> allowed = new LinkedHashMap<>();
        runtimes.forEach((name, path) -> allowed.put(name, Files.isExecutable(path) ? path.toString()
                : path + " (missing: install it or remove '" + name + "' from SMAINER_CUSTOM_RUNTIMES)"));
        List<String> gpus = RootFsLayout.gpuDevices(config.gpuDeviceDir()).stream().map(Path::toString).toList();
        return new IsolationReport(problems.isEmpty(), problems, euid == 0, version, controllers, parents, delegated,
                namespaces, usernsAllowed, apparmorRestricts, taskUserns.enabled(), taskUserns.reason(), seccomp, tmpfs,
                String.valueOf(config.launcher()), launcherProblem, allowed, gpus);
    }

    private String read(String relative) {
        return TaskUserNamespace.read(procRoot.resolve(relative));
    }
}

package io.smainer.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * Host-side sandbox settings (immutable; the daemon's config record builds it). Every OS path is here
 * so tests can point elsewhere. Config keys (quoted in error messages): {@code SMAINER_SANDBOX_LAUNCHER},
 * {@code SMAINER_SANDBOX_UID}/{@code SMAINER_SANDBOX_GID} (the dedicated task user), {@code SANDBOX_TEMP_DIR}
 * (PROTOCOL.md §5: the private mount point the task root is assembled on), {@code SMAINER_SANDBOX_CGROUP_PARENT},
 * {@code SMAINER_SANDBOX_USERNS} (auto|off), {@code SMAINER_SANDBOX_PREWARM} (warm spares, 0..8).
 *
 * @param launcher         the {@code smainer-launch} binary (root-owned, not group/world-writable)
 * @param taskUid          unprivileged uid tasks run as (never 0)
 * @param taskGid          unprivileged gid tasks run as (never 0)
 * @param rootBase         directory the task root tmpfs is mounted on inside the private mount namespace
 * @param readOnlyPaths    host paths bound read-only at the same place (symlinks are recreated as symlinks)
 * @param devices          device nodes every task gets
 * @param gpuDeviceDir     where {@code nvidia*} nodes are looked up for GPU tasks
 * @param cgroupParentName directory below the daemon's own cgroup that holds task cgroups
 * @param mountInfo        normally {@code /proc/self/mountinfo}
 * @param selfCgroup       normally {@code /proc/self/cgroup}
 * @param seccomp          load the launcher's seccomp filter (always true in production)
 * @param userns           give each task a user namespace mapping only its uid/gid when the host allows it
 * @param prewarm          launchers kept started ahead of tasks (fresh namespaces and cgroup, one task each);
 *                         0 starts every launcher when its task is accepted
 */
public record SandboxConfig(
        Path launcher,
        int taskUid,
        int taskGid,
        Path rootBase,
        List<Path> readOnlyPaths,
        List<Path> devices,
        Path gpuDeviceDir,
        String cgroupParentName,
        Path mountInfo,
        Path selfCgroup,
        boolean seccomp,
        UserNamespaceMode userns,
        int prewarm) {

    public static final String KEY_LAUNCHER = "SMAINER_SANDBOX_LAUNCHER";
    public static final String KEY_UID = "SMAINER_SANDBOX_UID";
    public static final String KEY_GID = "SMAINER_SANDBOX_GID";
    public static final String KEY_ROOT_BASE = "SANDBOX_TEMP_DIR";
    public static final String KEY_CGROUP_PARENT = "SMAINER_SANDBOX_CGROUP_PARENT";
    public static final String KEY_USERNS = "SMAINER_SANDBOX_USERNS";
    public static final String KEY_PREWARM = "SMAINER_SANDBOX_PREWARM";
    public static final int DEFAULT_PREWARM = 1;
    public static final int MAX_PREWARM = 8;

    /** Enough of the host for dynamically linked interpreters from /usr: no /etc beyond the loader cache. */
    public static final List<Path> DEFAULT_READ_ONLY = List.of(Path.of("/usr"), Path.of("/bin"), Path.of("/sbin"),
            Path.of("/lib"), Path.of("/lib32"), Path.of("/lib64"), Path.of("/libx32"), Path.of("/etc/ld.so.cache"),
            Path.of("/etc/alternatives"), Path.of("/etc/localtime"));
    public static final List<Path> DEFAULT_DEVICES = List.of(Path.of("/dev/null"), Path.of("/dev/zero"),
            Path.of("/dev/urandom"));

    public SandboxConfig {
        if (taskUid <= 0 || taskGid <= 0) {
            throw new IllegalArgumentException("sandbox task user " + taskUid + ":" + taskGid + " must not be root;"
                    + " set " + KEY_UID + "/" + KEY_GID + " to a dedicated unprivileged user (e.g. smainer-task or 65534)");
        }
        if (cgroupParentName == null || !cgroupParentName.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException(KEY_CGROUP_PARENT + "='" + cgroupParentName + "' must be a plain directory name");
        }
        if (userns == null) {
            throw new IllegalArgumentException(KEY_USERNS + " must be auto or off, not null");
        }
        if (prewarm < 0 || prewarm > MAX_PREWARM) {
            throw new IllegalArgumentException(KEY_PREWARM + "=" + prewarm + " is out of range; use 0.." + MAX_PREWARM);
        }
        readOnlyPaths = List.copyOf(readOnlyPaths);
        devices = List.copyOf(devices);
    }

    /** The settings before user namespaces and warm spares existed: both at their defaults. */
    public SandboxConfig(Path launcher, int taskUid, int taskGid, Path rootBase, List<Path> readOnlyPaths,
            List<Path> devices, Path gpuDeviceDir, String cgroupParentName, Path mountInfo, Path selfCgroup,
            boolean seccomp) {
        this(launcher, taskUid, taskGid, rootBase, readOnlyPaths, devices, gpuDeviceDir, cgroupParentName, mountInfo,
                selfCgroup, seccomp, UserNamespaceMode.AUTO, DEFAULT_PREWARM);
    }

    /** Production defaults: {@code launcher} from the install, nobody:nogroup unless configured. */
    public static SandboxConfig defaults(Path launcher) {
        return new SandboxConfig(launcher, 65534, 65534, Path.of("/tmp"), DEFAULT_READ_ONLY, DEFAULT_DEVICES,
                Path.of("/dev"), "smainer", Path.of("/proc/self/mountinfo"), Path.of("/proc/self/cgroup"), true,
                UserNamespaceMode.AUTO, DEFAULT_PREWARM);
    }

    public SandboxConfig withCgroupParentName(String name) {
        return new SandboxConfig(launcher, taskUid, taskGid, rootBase, readOnlyPaths, devices, gpuDeviceDir, name,
                mountInfo, selfCgroup, seccomp, userns, prewarm);
    }

    public SandboxConfig withTaskUser(int uid, int gid) {
        return new SandboxConfig(launcher, uid, gid, rootBase, readOnlyPaths, devices, gpuDeviceDir, cgroupParentName,
                mountInfo, selfCgroup, seccomp, userns, prewarm);
    }

    public SandboxConfig withUserns(UserNamespaceMode mode) {
        return new SandboxConfig(launcher, taskUid, taskGid, rootBase, readOnlyPaths, devices, gpuDeviceDir,
                cgroupParentName, mountInfo, selfCgroup, seccomp, mode, prewarm);
    }

    public SandboxConfig withPrewarm(int spares) {
        return new SandboxConfig(launcher, taskUid, taskGid, rootBase, readOnlyPaths, devices, gpuDeviceDir,
                cgroupParentName, mountInfo, selfCgroup, seccomp, userns, spares);
    }

    /** Tests only: the hostile suite turns seccomp off to show what the user namespace alone refuses. */
    public SandboxConfig withSeccomp(boolean filter) {
        return new SandboxConfig(launcher, taskUid, taskGid, rootBase, readOnlyPaths, devices, gpuDeviceDir,
                cgroupParentName, mountInfo, selfCgroup, filter, userns, prewarm);
    }
}

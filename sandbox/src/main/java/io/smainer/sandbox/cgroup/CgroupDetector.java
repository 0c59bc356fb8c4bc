package io.smainer.sandbox.cgroup;

import io.smainer.sandbox.SandboxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the cgroup driver once, at start, from the mount table: v1 when memory, pids, cpu and
 * freezer are all mounted as v1 hierarchies (legacy and hybrid hosts), else v2 on the cgroup2 mount.
 * Task cgroups go below the daemon's own cgroup (from {@code /proc/self/cgroup}) plus {@code parentName},
 * so a delegated systemd unit or container works without touching the rest of the host.
 *
 * @param mountInfo  normally {@code /proc/self/mountinfo}
 * @param selfCgroup normally {@code /proc/self/cgroup}
 * @param parentName directory name for task cgroups, e.g. {@code smainer}
 */
public record CgroupDetector(Path mountInfo, Path selfCgroup, String parentName) {

    public static CgroupDetector system(String parentName) {
        return new CgroupDetector(Path.of("/proc/self/mountinfo"), Path.of("/proc/self/cgroup"), parentName);
    }

    public CgroupDriver detect(CgroupFs fs, ProcessKiller killer) throws SandboxException {
        List<MountEntry> mounts;
        Map<String, String> own;
        try {
            mounts = MountInfoParser.parse(Files.readString(mountInfo));
            own = parseSelfCgroup(Files.readString(selfCgroup));
        } catch (IOException | IllegalArgumentException e) {
            throw new SandboxException("cgroup: cannot read " + mountInfo + " or " + selfCgroup + ": " + e
                    + ". Fix: mount /proc", e);
        }
        Map<CgroupController, Path> v1 = new EnumMap<>(CgroupController.class);
        Path v2Mount = null;
        for (MountEntry m : mounts) {
            if (m.fsType().equals("cgroup")) {
                for (CgroupController c : CgroupController.values()) {
                    if (m.superOptions().contains(c.v1Name())) {
                        String ownPath = own.getOrDefault(c.v1Name(), "/");
                        v1.put(c, m.mountPoint().resolve(relative(ownPath)).resolve(parentName));
                    }
                }
            } else if (m.fsType().equals("cgroup2") && v2Mount == null) {
                v2Mount = m.mountPoint();
            }
        }
        boolean v1Complete = v1.keySet().stream().filter(CgroupController::requiredInV1).count()
                == Arrays.stream(CgroupController.values()).filter(CgroupController::requiredInV1).count();
        if (v1Complete) {
            return new CgroupV1Driver(v1, fs, killer);
        }
        if (v2Mount != null) {
            return new CgroupV2Driver(v2Parent(v2Mount, own.getOrDefault("", "/")), fs, killer);
        }
        throw new SandboxException("cgroup: neither a complete v1 set (memory, pids, cpu, freezer) nor a cgroup2"
                + " mount in " + mountInfo + ". Fix: mount cgroup2 at /sys/fs/cgroup (systemd does this by default)");
    }

    /** A daemon in its delegated unit's "daemon" leaf (DelegateSubgroup=daemon) puts tasks beside the leaf. */
    private Path v2Parent(Path mount, String ownPath) {
        Path own = mount.resolve(relative(ownPath));
        if (own.getFileName() != null && own.getFileName().toString().equals("daemon")) {
            own = own.getParent();
        }
        return own.resolve(parentName);
    }

    private static String relative(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** {@code N:controllers:path} lines → controller (or "" for v2, "name=x" for named) → path. */
    static Map<String, String> parseSelfCgroup(String text) {
        Map<String, String> out = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.split(":", 3);
            if (parts.length != 3) {
                continue;
            }
            if (parts[1].isEmpty()) {
                out.put("", parts[2]);
            }
            for (String controller : parts[1].split(",")) {
                if (!controller.isEmpty()) {
                    out.put(controller, parts[2]);
                }
            }
        }
        return out;
    }
}

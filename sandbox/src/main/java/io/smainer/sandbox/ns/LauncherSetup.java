package io.smainer.sandbox.ns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the launcher needs before it knows its task (its argv): the cgroup it joins, the root it assembles
 * (read-only binds, /proc, /dev, the work dir's mount point; the order of mount options is the order they
 * are applied) and its hostname, the task user and whether that user gets a user namespace. These are
 * applied before the plan arrives, so the plan may not repeat them (smainer-launch.c refuses).
 * Fixed file descriptors: 0 /dev/null, 1 stdout pipe, 2 stderr pipe, 3 status pipe, 4 task-files pipe,
 * 5 plan pipe.
 */
public record LauncherSetup(List<Path> cgroupProcs, Path rootBase, List<MountOp> mounts, String hostname, Path workDir,
        int uid, int gid, boolean userns) {

    public static final int STATUS_FD = 3;
    public static final int FILES_FD = 4;
    public static final int PLAN_FD = 5;

    public LauncherSetup {
        cgroupProcs = List.copyOf(cgroupProcs);
        mounts = List.copyOf(mounts);
    }

    public List<String> argv(Path launcher) {
        List<String> a = new ArrayList<>(List.of(launcher.toString(), "--status-fd", Integer.toString(STATUS_FD),
                "--files-fd", Integer.toString(FILES_FD), "--plan-fd", Integer.toString(PLAN_FD)));
        for (Path procs : cgroupProcs) {
            a.add("--cgroup-procs");
            a.add(procs.toString());
        }
        a.add("--newroot");
        a.add(rootBase.toString());
        for (MountOp op : mounts) {
            a.addAll(op.args());
        }
        a.addAll(List.of("--hostname", hostname, "--chdir", workDir.toString(), "--uid",
                Integer.toString(uid), "--gid", Integer.toString(gid)));
        if (userns) {
            a.add("--userns");
        }
        return a;
    }
}

package io.smainer.sandbox.ns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the launcher applies, as data: the JVM decides, {@code smainer-launch} executes. Fixed file
 * descriptors in the launched process: 0 /dev/null, 1 stdout pipe, 2 stderr pipe, 3 status pipe,
 * 4 task-files pipe (when there are files).
 */
public record LaunchPlan(
        List<Path> cgroupProcs,
        Path rootBase,
        List<MountOp> mounts,
        String hostname,
        Path workDir,
        int uid,
        int gid,
        Map<String, Long> rlimits,
        boolean seccomp,
        boolean hasFiles,
        List<String> taskArgv) {

    public static final int STATUS_FD = 3;
    public static final int FILES_FD = 4;

    public LaunchPlan {
        cgroupProcs = List.copyOf(cgroupProcs);
        mounts = List.copyOf(mounts);
        rlimits = Map.copyOf(rlimits);
        taskArgv = List.copyOf(taskArgv);
    }

    /** argv for {@code launcher}; the order of mount options is the order they are applied. */
    public List<String> argv(Path launcher) {
        List<String> a = new ArrayList<>();
        a.add(launcher.toString());
        a.add("--status-fd");
        a.add(Integer.toString(STATUS_FD));
        if (hasFiles) {
            a.add("--files-fd");
            a.add(Integer.toString(FILES_FD));
        }
        for (Path procs : cgroupProcs) {
            a.add("--cgroup-procs");
            a.add(procs.toString());
        }
        a.add("--newroot");
        a.add(rootBase.toString());
        for (MountOp op : mounts) {
            a.addAll(op.args());
        }
        a.add("--hostname");
        a.add(hostname);
        a.add("--chdir");
        a.add(workDir.toString());
        a.add("--uid");
        a.add(Integer.toString(uid));
        a.add("--gid");
        a.add(Integer.toString(gid));
        rlimits.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            a.add("--rlimit");
            a.add(e.getKey());
            a.add(Long.toString(e.getValue()));
        });
        if (seccomp) {
            a.add("--seccomp");
        }
        a.add("--");
        a.addAll(taskArgv);
        return a;
    }
}

package io.smainer.sandbox.cgroup;

import io.smainer.sandbox.SandboxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Creates task cgroups with limits in one cgroup hierarchy version. */
public interface CgroupDriver {

    CgroupVersion version();

    /** Controller name → directory under which task cgroups are created (one entry in v2). */
    Map<String, Path> parents();

    /** Why task cgroups cannot be created here (missing controller, no write access), or null. */
    String delegationProblem();

    /** Steps that make the parent ready (mkdir, enable controllers); pure, no I/O on the hierarchy. */
    List<CgroupOp> planPrepare();

    /** Steps that create one task cgroup with its limits; pure. */
    List<CgroupOp> planCreate(String taskId, CgroupLimits limits);

    /** Steps that set the limits of an existing, never-limited task cgroup; pure. */
    List<CgroupOp> planLimits(String taskId, CgroupLimits limits);

    /** A new task cgroup with its limits. */
    default TaskCgroup create(String taskId, CgroupLimits limits) throws SandboxException {
        TaskCgroup cgroup = prepare(taskId);
        try {
            cgroup.limit(limits);
        } catch (SandboxException e) {
            cgroup.destroy();
            throw e;
        }
        return cgroup;
    }

    /**
     * A new task cgroup without limits yet, for a launcher started before its task is known; the task's
     * limits are set with {@link TaskCgroup#limit} before its plan is sent. Used for one task only.
     */
    TaskCgroup prepare(String name) throws SandboxException;

    /** Kills and removes task cgroups left by a previous daemon run (after a crash); returns how many. */
    int reapStale() throws SandboxException;
}

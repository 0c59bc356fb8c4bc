package io.smainer.sandbox.cgroup;

import io.smainer.sandbox.SandboxException;
import java.nio.file.Path;
import java.util.List;

/** The cgroup(s) of one task: joined by the launcher before exec, killed and removed after. */
public interface TaskCgroup {

    /** The {@code cgroup.procs} files the launcher writes its pid into (one per v1 hierarchy, one in v2). */
    List<Path> procsFiles();

    /** Sets the task's limits; called once, before any task code runs in the cgroup. */
    void limit(CgroupLimits limits) throws SandboxException;

    /** The cgroup directories, for leak checks. */
    List<Path> dirs();

    CgroupUsage usage();

    /** Kills every process in the cgroup, daemonised descendants included, and waits until it is empty. */
    void killAll() throws SandboxException;

    /** {@link #killAll()} then rmdir; idempotent. */
    void destroy() throws SandboxException;
}

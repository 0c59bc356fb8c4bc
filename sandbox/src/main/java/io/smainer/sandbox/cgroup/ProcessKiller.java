package io.smainer.sandbox.cgroup;

/** Sends SIGKILL to one pid; the production implementation is jnr-posix {@code kill(2)}. */
@FunctionalInterface
public interface ProcessKiller {
    void kill(int pid);
}

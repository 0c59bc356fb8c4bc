package io.smainer.daemon.config;

import io.smainer.sandbox.UserNamespaceMode;
import io.smainer.sandbox.custom.RuntimeAllowList;
import java.nio.file.Path;

/**
 * The sandbox part of {@link DaemonConfig}: CUSTOM tasks, the task user, the launcher and the per-task
 * limits (docs/daemon.md "Sandboxed task kinds").
 *
 * @param launcher     the {@code smainer-launch} binary (already resolved from the install when not set)
 * @param taskUid      the unprivileged uid tasks run as; null = {@code smainer-task} if that user exists, else 65534
 * @param taskGid      likewise for the gid
 * @param tempDir      where the task root is assembled (inside the task's private mount namespace)
 * @param userns       whether tasks get a user namespace of their own when the host allows it (docs/security.md)
 * @param prewarm      launchers kept started ahead of tasks; 0 starts each when its task is accepted
 * @param memoryBytes  per-task memory limit (no swap)
 */
public record SandboxSettings(
        boolean customEnabled,
        RuntimeAllowList runtimes,
        Path launcher,
        Integer taskUid,
        Integer taskGid,
        Path tempDir,
        String cgroupParent,
        UserNamespaceMode userns,
        int prewarm,
        long memoryBytes,
        long stdoutCapBytes,
        long stderrCapBytes) {

    /** {@code auto} or {@code off}, as {@code sandbox_userns} is written. */
    public String usernsText() {
        return userns.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code name=/path,...} as configured, for {@code --print-config}. */
    public String runtimesText() {
        StringBuilder b = new StringBuilder();
        runtimes.interpreters().forEach((name, path) -> b.append(b.length() == 0 ? "" : ",").append(name).append('=').append(path));
        return b.toString();
    }
}

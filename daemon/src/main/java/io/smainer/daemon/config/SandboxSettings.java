package io.smainer.daemon.config;

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
        long memoryBytes,
        long stdoutCapBytes,
        long stderrCapBytes) {

    /** {@code name=/path,...} as configured, for {@code --print-config}. */
    public String runtimesText() {
        StringBuilder b = new StringBuilder();
        runtimes.interpreters().forEach((name, path) -> b.append(b.length() == 0 ? "" : ",").append(name).append('=').append(path));
        return b.toString();
    }
}

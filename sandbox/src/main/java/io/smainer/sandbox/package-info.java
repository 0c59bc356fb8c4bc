/**
 * Runs untrusted task code in its own pid, mount, network, UTS, IPC and cgroup namespaces under a
 * cgroup with memory, pids and CPU limits, as an unprivileged user with no capabilities, no_new_privs
 * and a seccomp filter: {@link io.smainer.sandbox.Sandbox} takes a {@link io.smainer.sandbox.SandboxSpec}
 * and returns a {@link io.smainer.sandbox.SandboxResult}. Shared by the daemon (runs tasks) and the CLI
 * (doctor shows the isolation probe); depends on the protocol module only.
 */
package io.smainer.sandbox;

/**
 * The namespace entry: a {@link io.smainer.sandbox.ns.LaunchPlan} (mounts, cgroups, user, limits as data)
 * rendered as argv for the {@code smainer-launch} binary (sandbox/src/main/c), spawned with jnr-posix
 * {@code posix_spawn} so the JVM is never forked, plus the readers of its stdout, stderr and status pipes.
 */
package io.smainer.sandbox.ns;

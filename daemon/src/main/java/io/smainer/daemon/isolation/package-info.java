/**
 * The sandboxed task kinds wired into the daemon (issue 6): CUSTOM through the {@code smainer-sandbox}
 * module's namespaces-and-cgroups sandbox, AI_INFERENCE through a local model server, the isolation probe
 * that decides whether CUSTOM may run at all (never unisolated), the models this node advertises, and
 * {@code smainer-daemon --selftest}.
 */
package io.smainer.daemon.isolation;

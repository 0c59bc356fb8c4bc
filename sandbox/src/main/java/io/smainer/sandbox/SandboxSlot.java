package io.smainer.sandbox;

import io.smainer.sandbox.cgroup.TaskCgroup;
import io.smainer.sandbox.ns.TaskProcess;

/**
 * A launcher waiting for its plan, its namespaces new and its new (not yet limited) cgroup joined. It
 * serves exactly one task; nothing in it is ever reused.
 */
record SandboxSlot(TaskCgroup cgroup, TaskProcess process) {
}

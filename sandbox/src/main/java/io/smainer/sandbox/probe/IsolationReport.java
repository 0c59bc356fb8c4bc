package io.smainer.sandbox.probe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The isolation probe's facts. {@code taskUserns} says whether tasks get their own user namespace and
 * {@code taskUsernsReason} why not (or what it maps); it never makes isolation unavailable. {@code available} is false when any {@code problems} entry exists; the
 * daemon then refuses sandboxed task kinds with {@link #refusalReason()} and still serves built-in kinds.
 */
public record IsolationReport(
        boolean available,
        List<String> problems,
        boolean runningAsRoot,
        String cgroupVersion,
        List<String> cgroupControllers,
        Map<String, String> cgroupParents,
        boolean cgroupDelegated,
        Map<String, Boolean> namespaces,
        boolean unprivilegedUsernsAllowed,
        boolean usernsRestrictedByAppArmor,
        boolean taskUserns,
        String taskUsernsReason,
        boolean seccompAvailable,
        boolean tmpfsAvailable,
        String launcher,
        String launcherProblem,
        Map<String, String> allowedRuntimes,
        List<String> gpuDevices) {

    public IsolationReport {
        problems = List.copyOf(problems);
        cgroupControllers = List.copyOf(cgroupControllers);
        cgroupParents = Map.copyOf(cgroupParents);
        namespaces = Map.copyOf(namespaces);
        allowedRuntimes = Map.copyOf(allowedRuntimes);
        gpuDevices = List.copyOf(gpuDevices);
    }

    /** One sentence for logs, {@code /status} and {@code task_failed} when a sandboxed kind is refused. */
    public String refusalReason() {
        return available ? null : "task isolation unavailable: " + String.join("; ", problems);
    }

    /** snake_case keys, stable order: the shape {@code doctor --json} and {@code /status} print. */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("available", available);
        m.put("problems", problems);
        m.put("running_as_root", runningAsRoot);
        m.put("cgroup_version", cgroupVersion);
        m.put("cgroup_controllers", cgroupControllers);
        m.put("cgroup_parents", new java.util.TreeMap<>(cgroupParents));
        m.put("cgroup_delegated", cgroupDelegated);
        m.put("namespaces", new java.util.TreeMap<>(namespaces));
        m.put("unprivileged_userns_allowed", unprivilegedUsernsAllowed);
        m.put("userns_restricted_by_apparmor", usernsRestrictedByAppArmor);
        m.put("task_userns", taskUserns);
        m.put("task_userns_reason", taskUsernsReason);
        m.put("seccomp_available", seccompAvailable);
        m.put("tmpfs_available", tmpfsAvailable);
        m.put("launcher", launcher);
        m.put("launcher_problem", launcherProblem);
        m.put("allowed_runtimes", new java.util.TreeMap<>(allowedRuntimes));
        m.put("gpu_devices", gpuDevices);
        return m;
    }
}

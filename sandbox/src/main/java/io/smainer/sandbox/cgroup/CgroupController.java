package io.smainer.sandbox.cgroup;

/**
 * The controllers the sandbox uses, with their names in each cgroup version. In v2 the freezer and
 * kill are core files ({@code cgroup.freeze}, {@code cgroup.kill}), and CPU usage is in {@code cpu.stat}.
 */
public enum CgroupController {
    MEMORY("memory", "memory", true),
    PIDS("pids", "pids", true),
    CPU("cpu", "cpu", true),
    /** v1 only: {@code cpuacct.usage} for the resource report. */
    CPUACCT("cpuacct", null, false),
    /** v1 only: freeze-then-kill of the whole tree. */
    FREEZER("freezer", null, true);

    private final String v1Name;
    private final String v2Name;
    private final boolean requiredInV1;

    CgroupController(String v1Name, String v2Name, boolean requiredInV1) {
        this.v1Name = v1Name;
        this.v2Name = v2Name;
        this.requiredInV1 = requiredInV1;
    }

    public String v1Name() {
        return v1Name;
    }

    /** Name in {@code cgroup.controllers}, or null when v2 has it built in or not at all. */
    public String v2Name() {
        return v2Name;
    }

    public boolean requiredInV1() {
        return requiredInV1;
    }

    public boolean inV2() {
        return v2Name != null;
    }
}

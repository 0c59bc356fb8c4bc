package io.smainer.sandbox.cgroup;

import io.smainer.sandbox.SandboxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * cgroup v2: task cgroups under one delegated parent whose {@code cgroup.subtree_control} enables
 * cpu, memory and pids. Limits: {@code memory.max}, {@code memory.swap.max=0}, {@code pids.max},
 * {@code cpu.max}. Kill: {@code cgroup.kill} (Linux 5.14+), else freeze ({@code cgroup.freeze}), SIGKILL
 * every pid, thaw.
 */
public final class CgroupV2Driver implements CgroupDriver {
    static final List<String> CONTROLLERS = List.of("cpu", "memory", "pids");

    private final Path parent;
    private final CgroupFs fs;
    private final ProcessKiller killer;

    /** @param parent the directory task cgroups are created in (v2 mount + delegated cgroup + parent name) */
    public CgroupV2Driver(Path parent, CgroupFs fs, ProcessKiller killer) {
        this.parent = parent;
        this.fs = fs;
        this.killer = killer;
    }

    @Override
    public CgroupVersion version() {
        return CgroupVersion.V2;
    }

    @Override
    public Map<String, Path> parents() {
        return Map.of("unified", parent);
    }

    /** Controllers the parent's parent hands down: what {@code cgroup.controllers} of our parent will list. */
    Set<String> availableControllers() {
        Path listing = Files.exists(parent) ? parent.resolve("cgroup.controllers")
                : parent.getParent().resolve("cgroup.subtree_control");
        String text = fs.read(listing);
        return text == null ? Set.of() : Arrays.stream(text.split("\\s+")).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    @Override
    public String delegationProblem() {
        Set<String> available = availableControllers();
        List<String> missing = CONTROLLERS.stream().filter(c -> !available.contains(c)).toList();
        Path delegator = parent.getParent();
        if (!missing.isEmpty()) {
            return "cgroup v2: controllers " + missing + " are not delegated to " + parent + " (enable them in "
                    + delegator.resolve("cgroup.subtree_control") + ", e.g. systemd Delegate=yes with the daemon in a"
                    + " leaf via DelegateSubgroup=daemon, or set " + CgroupFs.CONFIG_KEY + ")";
        }
        Path existing = Files.exists(parent) ? parent : delegator;
        if (!Files.isWritable(existing)) {
            return "cgroup v2: " + existing + " is not writable by user " + System.getProperty("user.name")
                    + "; delegate it to the daemon's user (systemd Delegate=yes) or run as root";
        }
        return null;
    }

    @Override
    public List<CgroupOp> planPrepare() {
        List<CgroupOp> ops = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            ops.add(new CgroupOp.MakeDir(parent));
        }
        ops.add(new CgroupOp.WriteFile(parent.resolve("cgroup.subtree_control"),
                CONTROLLERS.stream().map(c -> "+" + c).collect(Collectors.joining(" "))));
        return ops;
    }

    @Override
    public List<CgroupOp> planCreate(String taskId, CgroupLimits limits) {
        List<CgroupOp> ops = new ArrayList<>();
        ops.add(new CgroupOp.MakeDir(parent.resolve(taskId)));
        ops.addAll(planLimits(taskId, limits));
        return ops;
    }

    @Override
    public List<CgroupOp> planLimits(String taskId, CgroupLimits limits) {
        Path dir = parent.resolve(taskId);
        String quota = limits.cpuQuotaMicros() < 0 ? "max" : Long.toString(limits.cpuQuotaMicros());
        return List.of(
                new CgroupOp.WriteFile(dir.resolve("memory.max"), Long.toString(limits.memoryBytes())),
                new CgroupOp.WriteIfPresent(dir.resolve("memory.swap.max"), "0"),
                new CgroupOp.WriteFile(dir.resolve("pids.max"), Long.toString(limits.pidsMax())),
                new CgroupOp.WriteFile(dir.resolve("cpu.max"), quota + " " + limits.cpuPeriodMicros()));
    }

    @Override
    public TaskCgroup prepare(String name) throws SandboxException {
        V2TaskCgroup cgroup = new V2TaskCgroup(parent.resolve(name));
        try {
            fs.apply(new CgroupOp.MakeDir(parent.resolve(name)));
        } catch (SandboxException e) {
            cgroup.destroy();
            throw e;
        }
        return cgroup;
    }

    @Override
    public int reapStale() throws SandboxException {
        List<Path> stale;
        try (Stream<Path> children = Files.list(parent)) {
            stale = children.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            return 0;
        }
        for (Path dir : stale) {
            new V2TaskCgroup(dir).destroy();
        }
        return stale.size();
    }

    private final class V2TaskCgroup implements TaskCgroup {
        private final Path dir;

        V2TaskCgroup(Path dir) {
            this.dir = dir;
        }

        @Override
        public void limit(CgroupLimits limits) throws SandboxException {
            fs.apply(planLimits(dir.getFileName().toString(), limits));
        }

        @Override
        public List<Path> procsFiles() {
            return List.of(dir.resolve("cgroup.procs"));
        }

        @Override
        public List<Path> dirs() {
            return List.of(dir);
        }

        @Override
        public CgroupUsage usage() {
            return new CgroupUsage(fs.readLong(dir.resolve("memory.peak")),
                    fs.readKeyed(dir.resolve("cpu.stat"), "usage_usec"),
                    fs.readKeyed(dir.resolve("memory.events"), "oom_kill"),
                    fs.readKeyed(dir.resolve("pids.events"), "max"));
        }

        @Override
        public void killAll() throws SandboxException {
            if (!fs.exists(dir)) {
                return;
            }
            Path kill = dir.resolve("cgroup.kill");
            if (fs.exists(kill)) {
                fs.apply(new CgroupOp.WriteFile(kill, "1"));
            } else if (!fs.pids(dir.resolve("cgroup.procs")).isEmpty()) {
                fs.apply(new CgroupOp.WriteFile(dir.resolve("cgroup.freeze"), "1"));
                for (int pid : fs.pids(dir.resolve("cgroup.procs"))) {
                    killer.kill(pid);
                }
                fs.apply(new CgroupOp.WriteFile(dir.resolve("cgroup.freeze"), "0"));
            }
            CgroupDrain.killUntilEmpty(fs, killer, procsFiles());
        }

        @Override
        public void destroy() throws SandboxException {
            killAll();
            fs.apply(new CgroupOp.RemoveDir(dir));
        }
    }
}

package io.smainer.sandbox.cgroup;

import io.smainer.sandbox.SandboxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * cgroup v1: one directory per hierarchy (memory, pids, cpu, cpuacct, freezer; co-mounted controllers
 * share one). Limits: {@code memory.limit_in_bytes}, {@code memory.memsw.limit_in_bytes} when swap
 * accounting exists, {@code pids.max}, {@code cpu.cfs_quota_us}/{@code cpu.cfs_period_us}. Kill: freeze,
 * SIGKILL every pid, thaw, repeat until empty.
 */
public final class CgroupV1Driver implements CgroupDriver {
    private final Map<CgroupController, Path> parents;
    private final CgroupFs fs;
    private final ProcessKiller killer;

    /** @param parents controller → parent directory for task cgroups (mount point + own cgroup + parent name) */
    public CgroupV1Driver(Map<CgroupController, Path> parents, CgroupFs fs, ProcessKiller killer) {
        this.parents = Map.copyOf(parents);
        this.fs = fs;
        this.killer = killer;
    }

    @Override
    public CgroupVersion version() {
        return CgroupVersion.V1;
    }

    @Override
    public Map<String, Path> parents() {
        Map<String, Path> out = new LinkedHashMap<>();
        for (CgroupController c : CgroupController.values()) {
            if (parents.containsKey(c)) {
                out.put(c.v1Name(), parents.get(c));
            }
        }
        return out;
    }

    @Override
    public String delegationProblem() {
        for (CgroupController c : CgroupController.values()) {
            if (c.requiredInV1() && !parents.containsKey(c)) {
                return "cgroup v1: controller '" + c.v1Name() + "' is not mounted (see /proc/self/mountinfo);"
                        + " mount it at /sys/fs/cgroup/" + c.v1Name() + " or boot with cgroup v2";
            }
        }
        for (Path parent : distinctParents()) {
            Path existing = parent;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null || !Files.isWritable(existing)) {
                return "cgroup v1: " + existing + " is not writable by user " + System.getProperty("user.name")
                        + "; run the daemon as root or chown the subtree to its user (" + CgroupFs.CONFIG_KEY + ")";
            }
        }
        return null;
    }

    private List<Path> distinctParents() {
        return new ArrayList<>(new LinkedHashSet<>(parents.values()));
    }

    @Override
    public List<CgroupOp> planPrepare() {
        List<CgroupOp> ops = new ArrayList<>();
        for (Path parent : distinctParents()) {
            if (!Files.isDirectory(parent)) {
                ops.add(new CgroupOp.MakeDir(parent));
            }
        }
        return ops;
    }

    @Override
    public List<CgroupOp> planCreate(String taskId, CgroupLimits limits) {
        List<CgroupOp> ops = new ArrayList<>(planDirs(taskId));
        ops.addAll(planLimits(taskId, limits));
        return ops;
    }

    private List<CgroupOp> planDirs(String taskId) {
        return distinctParents().stream().<CgroupOp>map(p -> new CgroupOp.MakeDir(p.resolve(taskId))).toList();
    }

    @Override
    public List<CgroupOp> planLimits(String taskId, CgroupLimits limits) {
        List<CgroupOp> ops = new ArrayList<>();
        Path memory = dir(CgroupController.MEMORY, taskId);
        // limit before memsw: the kernel requires memsw >= limit at every step.
        ops.add(new CgroupOp.WriteFile(memory.resolve("memory.limit_in_bytes"), Long.toString(limits.memoryBytes())));
        ops.add(new CgroupOp.WriteIfPresent(memory.resolve("memory.memsw.limit_in_bytes"),
                Long.toString(limits.memoryBytes())));
        ops.add(new CgroupOp.WriteFile(dir(CgroupController.PIDS, taskId).resolve("pids.max"),
                Long.toString(limits.pidsMax())));
        Path cpu = dir(CgroupController.CPU, taskId);
        ops.add(new CgroupOp.WriteFile(cpu.resolve("cpu.cfs_period_us"), Long.toString(limits.cpuPeriodMicros())));
        ops.add(new CgroupOp.WriteFile(cpu.resolve("cpu.cfs_quota_us"), Long.toString(limits.cpuQuotaMicros())));
        return ops;
    }

    private Path dir(CgroupController controller, String taskId) {
        return parents.get(controller).resolve(taskId);
    }

    @Override
    public TaskCgroup prepare(String name) throws SandboxException {
        V1TaskCgroup cgroup = new V1TaskCgroup(name);
        try {
            fs.apply(planDirs(name));
        } catch (SandboxException e) {
            cgroup.destroy();
            throw e;
        }
        return cgroup;
    }

    @Override
    public int reapStale() throws SandboxException {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (Path parent : distinctParents()) {
            try (Stream<Path> children = Files.list(parent)) {
                children.filter(Files::isDirectory).forEach(d -> names.add(d.getFileName().toString()));
            } catch (IOException e) {
                // parent not there yet: nothing to reap
            }
        }
        for (String name : names) {
            new V1TaskCgroup(name).destroy();
        }
        return names.size();
    }

    private final class V1TaskCgroup implements TaskCgroup {
        private final String taskId;

        V1TaskCgroup(String taskId) {
            this.taskId = taskId;
        }

        @Override
        public void limit(CgroupLimits limits) throws SandboxException {
            fs.apply(planLimits(taskId, limits));
        }

        @Override
        public List<Path> dirs() {
            return distinctParents().stream().map(p -> p.resolve(taskId)).toList();
        }

        @Override
        public List<Path> procsFiles() {
            return dirs().stream().map(d -> d.resolve("cgroup.procs")).toList();
        }

        @Override
        public CgroupUsage usage() {
            Path memory = dir(CgroupController.MEMORY, taskId);
            long cpuNanos = parents.containsKey(CgroupController.CPUACCT)
                    ? fs.readLong(dir(CgroupController.CPUACCT, taskId).resolve("cpuacct.usage")) : -1;
            return new CgroupUsage(fs.readLong(memory.resolve("memory.max_usage_in_bytes")),
                    cpuNanos < 0 ? -1 : cpuNanos / 1000,
                    fs.readKeyed(memory.resolve("memory.oom_control"), "oom_kill"),
                    fs.readKeyed(dir(CgroupController.PIDS, taskId).resolve("pids.events"), "max"));
        }

        @Override
        public void killAll() throws SandboxException {
            Path freezer = dir(CgroupController.FREEZER, taskId);
            if (fs.exists(freezer) && !fs.pids(freezer.resolve("cgroup.procs")).isEmpty()) {
                // Freeze first so a fork bomb cannot outrun the kill loop, then kill, then thaw so SIGKILL lands.
                fs.apply(new CgroupOp.WriteFile(freezer.resolve("freezer.state"), "FROZEN"));
                long deadline = System.nanoTime() + CgroupDrain.DEADLINE_NANOS;
                while (!"FROZEN".equals(fs.read(freezer.resolve("freezer.state"))) && System.nanoTime() < deadline) {
                    CgroupDrain.pause();
                }
                for (int pid : fs.pids(freezer.resolve("cgroup.procs"))) {
                    killer.kill(pid);
                }
                fs.apply(new CgroupOp.WriteFile(freezer.resolve("freezer.state"), "THAWED"));
            }
            CgroupDrain.killUntilEmpty(fs, killer, procsFiles().stream().filter(fs::exists).toList());
        }

        @Override
        public void destroy() throws SandboxException {
            killAll();
            for (Path dir : dirs()) {
                fs.apply(new CgroupOp.RemoveDir(dir));
            }
        }
    }
}

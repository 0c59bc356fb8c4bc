package io.smainer.sandbox;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One sandboxed run: the command, its environment, the files placed in the (empty, tmpfs) work dir,
 * limits, extra read-only host paths the runtime needs, and whether GPU device nodes are visible.
 * The network is always none (loopback down). Files and env may hold task code or prompts:
 * {@link #toString()} prints names and sizes only.
 */
public record SandboxSpec(
        String taskId,
        List<String> argv,
        Map<String, String> env,
        Map<String, byte[]> files,
        SandboxLimits limits,
        List<Path> extraReadOnlyPaths,
        boolean gpu) {

    private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public SandboxSpec {
        if (taskId == null || !TASK_ID.matcher(taskId).matches()) {
            throw new IllegalArgumentException("sandbox task id '" + taskId + "' must match " + TASK_ID);
        }
        if (argv == null || argv.isEmpty() || !argv.get(0).startsWith("/")) {
            throw new IllegalArgumentException("sandbox argv[0] must be an absolute path (task " + taskId + ")");
        }
        argv = List.copyOf(argv);
        env = Map.copyOf(env == null ? Map.of() : env);
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!ENV_NAME.matcher(e.getKey()).matches() || e.getValue().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("sandbox env name '" + e.getKey() + "' is not a plain identifier");
            }
        }
        Map<String, byte[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : (files == null ? Map.<String, byte[]>of() : files).entrySet()) {
            if (!FILE_NAME.matcher(f.getKey()).matches()) {
                throw new IllegalArgumentException("sandbox file name '" + f.getKey() + "' must match " + FILE_NAME);
            }
            copy.put(f.getKey(), f.getValue().clone());
        }
        files = java.util.Collections.unmodifiableMap(copy);
        if (limits == null) {
            throw new IllegalArgumentException("sandbox limits are required (task " + taskId + ")");
        }
        extraReadOnlyPaths = List.copyOf(extraReadOnlyPaths == null ? List.of() : extraReadOnlyPaths);
        for (Path p : extraReadOnlyPaths) {
            if (!p.isAbsolute()) {
                throw new IllegalArgumentException("sandbox read-only path " + p + " must be absolute");
            }
        }
    }

    public static SandboxSpec of(String taskId, List<String> argv, SandboxLimits limits) {
        return new SandboxSpec(taskId, argv, Map.of(), Map.of(), limits, List.of(), false);
    }

    public SandboxSpec withFiles(Map<String, byte[]> newFiles) {
        return new SandboxSpec(taskId, argv, env, newFiles, limits, extraReadOnlyPaths, gpu);
    }

    public SandboxSpec withEnv(Map<String, String> newEnv) {
        return new SandboxSpec(taskId, argv, newEnv, files, limits, extraReadOnlyPaths, gpu);
    }

    public SandboxSpec withExtraReadOnlyPaths(List<Path> paths) {
        return new SandboxSpec(taskId, argv, env, files, limits, paths, gpu);
    }

    public SandboxSpec withGpu(boolean useGpu) {
        return new SandboxSpec(taskId, argv, env, files, limits, extraReadOnlyPaths, useGpu);
    }

    @Override
    public String toString() {
        long bytes = files.values().stream().mapToLong(b -> b.length).sum();
        return "SandboxSpec[taskId=" + taskId + ", argv0=" + argv.get(0) + ", args=" + (argv.size() - 1)
                + ", files=" + files.size() + " (" + bytes + " B), env=" + env.keySet() + ", limits=" + limits
                + ", gpu=" + gpu + "]";
    }
}

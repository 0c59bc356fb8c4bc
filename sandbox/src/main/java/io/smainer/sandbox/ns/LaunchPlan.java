package io.smainer.sandbox.ns;

import io.smainer.sandbox.SandboxException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the launcher applies for one task once it is accepted, as data: the JVM decides, {@code smainer-launch}
 * executes. Sent on the plan pipe as NUL-terminated option words (the launcher parses them like argv): the
 * work dir tmpfs, rlimits, seccomp, env and argv. The root and user are in {@link LauncherSetup}.
 */
public record LaunchPlan(
        MountOp.Tmpfs workDir,
        Map<String, Long> rlimits,
        boolean seccomp,
        Map<String, String> env,
        List<String> taskArgv) {

    /** Must match MAX_PLAN_BYTES in smainer-launch.c. */
    public static final int MAX_BYTES = 256 * 1024;
    /** Must match MAX_ENV in smainer-launch.c. */
    public static final int MAX_ENV = 256;

    public LaunchPlan {
        rlimits = Map.copyOf(rlimits);
        env = Map.copyOf(env);
        taskArgv = List.copyOf(taskArgv);
    }

    public List<String> words() {
        List<String> a = new ArrayList<>(workDir.args());
        rlimits.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            a.add("--rlimit");
            a.add(e.getKey());
            a.add(Long.toString(e.getValue()));
        });
        if (seccomp) {
            a.add("--seccomp");
        }
        env.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            a.add("--env");
            a.add(e.getKey() + "=" + e.getValue());
        });
        a.add("--");
        a.addAll(taskArgv);
        return a;
    }

    /** The plan pipe's bytes. */
    public byte[] encode() throws SandboxException {
        if (env.size() > MAX_ENV) {
            throw new SandboxException("sandbox: " + env.size() + " environment variables, over the launcher's "
                    + MAX_ENV + "; pass the rest as a task file", null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String w : words()) {
            out.writeBytes(w.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        if (out.size() > MAX_BYTES) {
            throw new SandboxException("sandbox: the launch plan (argv, env, mounts) is " + out.size()
                    + " bytes, over the launcher's " + MAX_BYTES + "; pass large inputs as task files instead", null);
        }
        return out.toByteArray();
    }
}

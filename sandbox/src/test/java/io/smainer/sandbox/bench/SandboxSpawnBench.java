package io.smainer.sandbox.bench;

import io.smainer.sandbox.Sandbox;
import io.smainer.sandbox.SandboxConfig;
import io.smainer.sandbox.SandboxFactory;
import io.smainer.sandbox.SandboxLimits;
import io.smainer.sandbox.SandboxResult;
import io.smainer.sandbox.SandboxSpec;
import io.smainer.sandbox.UserNamespaceMode;
import io.smainer.sandbox.cgroup.TaskCgroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * bench/sandbox-spawn: p50/p99 from "task accepted" to the first instruction of {@code /bin/true}:
 * (a) bare ProcessBuilder ({@code start()} returns after the child's exec), (b) the full sandbox as
 * configured by default (one warm spare, user namespace when the host allows it: cgroup limits + plan +
 * mounts + user namespace + seccomp; the launcher reports the exec), (b1) the same with no warm spare
 * (cgroup mkdir, launcher exec, namespaces and cgroup join on the accepted path too), (b2) no user
 * namespace, (c) {@code bwrap --unshare-all} (no exec report: measured to exit, and (a)/(b) to exit are
 * printed too). Tasks run back to back, the worst case for the spare. Also cgroup create+destroy.
 * Run as root: {@code bench/sandbox-spawn/run.sh [iterations]}.
 */
public final class SandboxSpawnBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warm = Math.max(20, n / 10);
        SandboxConfig config = SandboxConfig.defaults(Path.of(System.getProperty("smainer.launcher")))
                .withCgroupParentName("smainer-bench-" + UUID.randomUUID().toString().substring(0, 8));
        Sandbox sandbox = SandboxFactory.open(config);
        try {
            long[] aExec = new long[n];
            long[] aExit = new long[n];
            for (int i = -warm; i < n; i++) {
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder("/bin/true").start();
                long t1 = System.nanoTime();
                p.waitFor();
                long t2 = System.nanoTime();
                if (i >= 0) {
                    aExec[i] = t1 - t0;
                    aExit[i] = t2 - t0;
                }
            }
            long[][] b = sandboxRuns(sandbox, n, warm);
            long[] bExec = b[0];
            long[] bFull = b[1];
            long[][] b1 = sandboxRuns(config.withPrewarm(0).withCgroupParentName(config.cgroupParentName() + "-b1"), n, warm);
            long[][] b2 = sandboxRuns(config.withUserns(UserNamespaceMode.OFF)
                    .withCgroupParentName(config.cgroupParentName() + "-b2"), n, warm);
            SandboxLimits limits = SandboxLimits.defaults();
            long[] cExit = null;
            Path bwrap = Path.of("/usr/bin/bwrap");
            if (Files.isExecutable(bwrap)) {
                cExit = new long[n];
                List<String> cmd = List.of(bwrap.toString(), "--unshare-all", "--ro-bind", "/usr", "/usr", "--symlink",
                        "usr/bin", "/bin", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64", "--proc",
                        "/proc", "--dev", "/dev", "--tmpfs", "/work", "--die-with-parent", "--", "/bin/true");
                for (int i = -warm; i < n; i++) {
                    long t0 = System.nanoTime();
                    int rc = new ProcessBuilder(cmd).start().waitFor();
                    long t1 = System.nanoTime();
                    if (rc != 0) {
                        throw new IllegalStateException("bwrap exited " + rc);
                    }
                    if (i >= 0) {
                        cExit[i] = t1 - t0;
                    }
                }
            }
            long[] cg = new long[n];
            for (int i = -warm; i < n; i++) {
                long t0 = System.nanoTime();
                TaskCgroup c = sandbox.cgroups().create("cg-" + (i + warm), limits.cgroupLimits());
                c.destroy();
                long t1 = System.nanoTime();
                if (i >= 0) {
                    cg[i] = t1 - t0;
                }
            }
            System.out.printf("sandbox-spawn: /bin/true, %d iterations after %d warm-up, cgroup %s, %d CPUs,"
                    + " user namespace %s, warm spares %d%n", n, warm, sandbox.cgroups().version(),
                    Runtime.getRuntime().availableProcessors(), sandbox.userNamespace().enabled() ? "on" : "off",
                    config.prewarm());
            row("(a) ProcessBuilder, accepted -> exec", aExec);
            row("(a) ProcessBuilder, accepted -> exit", aExit);
            row("(b) full sandbox, accepted -> exec", bExec);
            row("(b) full sandbox, accepted -> result (incl. teardown)", bFull);
            row("(b1) no warm spare, accepted -> exec", b1[0]);
            row("(b1) no warm spare, accepted -> result", b1[1]);
            row("(b2) no user namespace, accepted -> exec", b2[0]);
            row("(b2) no user namespace, accepted -> result", b2[1]);
            if (cExit != null) {
                row("(c) bwrap --unshare-all, accepted -> exit", cExit);
            } else {
                System.out.println("(c) bwrap not installed (apt-get install bubblewrap)");
            }
            row("cgroup create+destroy", cg);
            System.out.printf("ratio (b)/(a) p50, to exec: %.2f%n", (double) p(bExec, 50) / p(aExec, 50));
            if (cExit != null) {
                System.out.printf("ratio (b)/(c) p50, (b) to exec vs (c) to exit: %.2f%n", (double) p(bExec, 50) / p(cExit, 50));
                System.out.printf("ratio (b)/(c) p50, both to exit/result: %.2f%n", (double) p(bFull, 50) / p(cExit, 50));
            }
        } finally {
            remove(sandbox);
        }
    }

    private static long[][] sandboxRuns(SandboxConfig config, int n, int warm) throws Exception {
        Sandbox sandbox = SandboxFactory.open(config);
        try {
            return sandboxRuns(sandbox, n, warm);
        } finally {
            remove(sandbox);
        }
    }

    private static void remove(Sandbox sandbox) throws Exception {
        sandbox.close();
        sandbox.cgroups().reapStale();
        for (Path parent : sandbox.cgroups().parents().values()) {
            Files.deleteIfExists(parent);
        }
    }

    /** [0] accepted -> exec, [1] accepted -> result, in ns, for n back-to-back runs of /bin/true. */
    private static long[][] sandboxRuns(Sandbox sandbox, int n, int warm) throws Exception {
        long[] exec = new long[n];
        long[] full = new long[n];
        SandboxLimits limits = SandboxLimits.defaults();
        for (int i = -warm; i < n; i++) {
            long t0 = System.nanoTime();
            SandboxResult r = sandbox.run(SandboxSpec.of("bench-" + (i + warm), List.of("/bin/true"), limits));
            long t1 = System.nanoTime();
            if (r.exitCode() != 0) {
                throw new IllegalStateException("sandboxed /bin/true failed: " + r);
            }
            if (i >= 0) {
                exec[i] = r.resources().spawnMicros() * 1000;
                full[i] = t1 - t0;
            }
        }
        return new long[][] {exec, full};
    }

    private static long p(long[] v, int pct) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(pct / 100.0 * s.length) - 1)];
    }

    private static void row(String name, long[] v) {
        System.out.printf("%-55s p50 %7.3f ms   p99 %7.3f ms%n", name, p(v, 50) / 1e6, p(v, 99) / 1e6);
    }
}

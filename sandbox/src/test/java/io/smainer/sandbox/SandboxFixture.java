package io.smainer.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import jnr.posix.POSIXFactory;

/**
 * A real sandbox for tests: the launcher built by this module, nobody:nogroup, task cgroups under a
 * parent unique to the test class. Requires root and fails (never skips) without it: CI runs as root,
 * and a silently skipped hostile suite proves nothing.
 */
public final class SandboxFixture implements AutoCloseable {
    private final Sandbox sandbox;
    private final String mountsBefore;

    private SandboxFixture(Sandbox sandbox) throws IOException {
        this.sandbox = sandbox;
        this.mountsBefore = mountTable();
    }

    public static SandboxFixture open() throws Exception {
        return open(config());
    }

    public static SandboxFixture open(SandboxConfig config) throws Exception {
        requireRoot();
        return new SandboxFixture(SandboxFactory.open(config));
    }

    public static SandboxConfig config() {
        String launcher = System.getProperty("smainer.launcher");
        if (launcher == null) {
            throw new IllegalStateException("system property smainer.launcher is not set: run through Maven"
                    + " (sandbox/pom.xml sets it to target/native/smainer-launch)");
        }
        return SandboxConfig.defaults(Path.of(launcher))
                .withCgroupParentName("smainer-test-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static void requireRoot() {
        int euid = POSIXFactory.getNativePOSIX().geteuid();
        if (euid != 0) {
            throw new AssertionError("the sandbox tests need root (euid is " + euid + "): they create namespaces,"
                    + " cgroups and mounts for real. Run `mvn -pl sandbox verify` as root (CI does).");
        }
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public SandboxResult run(String id, SandboxLimits limits, String... argv) throws Exception {
        return sandbox.run(SandboxSpec.of(id, List.of(argv), limits));
    }

    /**
     * After a run: the task's cgroup dirs are gone (only the warm spares' new cgroups remain, at most one per
     * configured spare, holding no task process), the parent holds no process, the host mount table is unchanged.
     */
    public void assertNothingLeft() throws IOException {
        for (Path parent : sandbox.cgroups().parents().values()) {
            List<Path> children;
            try (Stream<Path> list = Files.list(parent)) {
                children = list.filter(Files::isDirectory).toList();
            }
            // Read the spares after listing: a spare registers its name before its mkdir, so a spare starting in
            // the background (on the sandbox's own thread) while we list is known by now, never a false leak.
            List<Path> spares = sandbox.spareCgroupDirs();
            assertThat(spares.size()).as("warm spare cgroups %s", spares)
                    .isLessThanOrEqualTo(sandbox.config().prewarm() * sandbox.cgroups().parents().size());
            assertThat(children.stream().filter(d -> !spares.contains(d)).toList())
                    .as("task cgroups left in %s", parent).isEmpty();
            assertThat(Files.readString(parent.resolve("cgroup.procs")).trim()).as("processes in %s", parent).isEmpty();
        }
        assertThat(mountTable()).as("host mount table").isEqualTo(mountsBefore);
        assertNoTaskProcesses();
    }

    /** No process of the task user (65534) is alive anywhere on the host. */
    public void assertNoTaskProcesses() throws IOException {
        List<String> alive = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    for (String line : Files.readAllLines(p.resolve("status"))) {
                        if (line.startsWith("Uid:") && line.split("\\s+")[1].equals(Integer.toString(
                                sandbox.config().taskUid()))) {
                            alive.add(p.getFileName() + " " + Files.readString(p.resolve("comm")).trim());
                        }
                    }
                } catch (IOException e) {
                    // exited while we looked
                }
            }
        }
        assertThat(alive).as("processes of the task user still alive").isEmpty();
    }

    private static String mountTable() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] f = line.split(" ");
            lines.add(f[4] + " " + f[f.length - 3]);
        }
        return String.join("\n", lines);
    }

    @Override
    public void close() throws Exception {
        sandbox.close();
        sandbox.cgroups().reapStale();
        for (Path parent : sandbox.cgroups().parents().values()) {
            Files.deleteIfExists(parent);
        }
    }
}

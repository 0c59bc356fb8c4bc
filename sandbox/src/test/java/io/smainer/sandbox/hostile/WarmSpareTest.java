package io.smainer.sandbox.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.sandbox.SandboxExtension;
import io.smainer.sandbox.SandboxLimits;
import io.smainer.sandbox.SandboxResult;
import io.smainer.sandbox.SandboxSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Warm spares are started before their task, never reused: consecutive tasks get different namespaces,
 * cgroups and work dirs, and nothing one task leaves (a listening abstract socket, a file, a process) is
 * visible to the next. The spare's cgroup is limited with the task's own limits before the task runs.
 */
class WarmSpareTest {
    private static final String NAMESPACES = "for n in pid mnt net uts ipc user cgroup; do echo ns $n $(readlink"
            + " /proc/self/ns/$n); done";
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    private static SandboxLimits limits() {
        return SandboxLimits.defaults().withWallTimeout(Duration.ofSeconds(30)).withMemoryBytes(96 * SandboxLimits.MIB)
                .withPidsMax(24).withTmpfsBytes(4 * SandboxLimits.MIB);
    }

    private static String run(String id, String script) throws Exception {
        SandboxResult r = SANDBOX.sandbox().run(SandboxSpec.of(id, List.of("/bin/sh", "-c", script), limits()));
        String out = new String(r.stdout(), StandardCharsets.UTF_8);
        assertThat(r.exitCode()).as(out + new String(r.stderr(), StandardCharsets.UTF_8)).isZero();
        return out;
    }

    @Test
    void consecutiveTasksShareNoNamespaceCgroupOrWorkDir() throws Exception {
        assertThat(SANDBOX.sandbox().config().prewarm()).isPositive();
        List<Path> spareBefore = SANDBOX.sandbox().spareCgroupDirs();
        String first = run("warm-1", NAMESPACES + "; echo leftover > /work/left; (setsid sleep 1000 &) ; echo done");
        SANDBOX.assertNothingLeft();
        String second = run("warm-2", NAMESPACES + "; ls -A /work | wc -l");
        Set<String> firstNs = namespaceIds(first);
        Set<String> secondNs = namespaceIds(second);
        assertThat(firstNs).hasSize(7);
        assertThat(secondNs).hasSize(7).doesNotContainAnyElementsOf(firstNs);
        assertThat(second.trim()).endsWith("\n0");
        for (Path dir : spareBefore) {
            assertThat(Files.exists(dir)).as("the spare cgroup %s was used once and removed", dir).isFalse();
        }
        SANDBOX.assertNothingLeft();
    }

    @Test
    void aListeningSocketOfOneTaskIsGoneForTheNext() throws Exception {
        String server = "import socket, os\n"
                + "s = socket.socket(socket.AF_UNIX); s.bind('\\0smainer-leak'); s.listen(1)\n"
                + "print('listening')\n";
        SandboxResult r1 = SANDBOX.sandbox().run(SandboxSpec.of("warm-sock-1", List.of("/usr/bin/python3", "-I", "-S",
                "/work/s.py"), limits()).withFiles(Map.of("s.py", server.getBytes(StandardCharsets.UTF_8))));
        assertThat(new String(r1.stdout(), StandardCharsets.UTF_8)).contains("listening");
        String client = "import socket\n"
                + "c = socket.socket(socket.AF_UNIX)\n"
                + "try:\n    c.connect('\\0smainer-leak'); print('CONNECTED')\n"
                + "except OSError as e: print('refused', e.errno)\n"
                + "print(sorted(l.split()[0] for l in open('/proc/net/dev').readlines()[2:]))\n";
        SandboxResult r2 = SANDBOX.sandbox().run(SandboxSpec.of("warm-sock-2", List.of("/usr/bin/python3", "-I", "-S",
                "/work/c.py"), limits()).withFiles(Map.of("c.py", client.getBytes(StandardCharsets.UTF_8))));
        assertThat(new String(r2.stdout(), StandardCharsets.UTF_8)).contains("refused 111").contains("['lo:']")
                .doesNotContain("CONNECTED");
        SANDBOX.assertNothingLeft();
    }

    @Test
    void theSparesCgroupGetsTheTasksLimitsBeforeItRuns() throws Exception {
        // A spare's cgroup is created without limits; the task's pids.max (24) must hold from its first instruction.
        SandboxResult r = SANDBOX.sandbox().run(SandboxSpec.of("warm-limits", List.of("/bin/sh", "-c",
                "for i in $(seq 1 60); do sleep 5 & done; wait"), limits().withWallTimeout(Duration.ofSeconds(3))));
        assertThat(r.pidsLimitHit()).as(r.toString()).isTrue();
        SANDBOX.assertNothingLeft();
    }

    private static Set<String> namespaceIds(String out) {
        Set<String> ids = new HashSet<>();
        out.lines().filter(l -> l.startsWith("ns ")).forEach(l -> ids.add(l.split(" ")[2]));
        return ids;
    }
}

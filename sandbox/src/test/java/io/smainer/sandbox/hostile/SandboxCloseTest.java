package io.smainer.sandbox.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.sandbox.SandboxFixture;
import io.smainer.sandbox.SandboxLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Closing a sandbox leaves no launcher behind, running or zombie. Its own class, with no other sandbox open
 * in it, so every launcher that appears during the test is this sandbox's.
 */
class SandboxCloseTest {
    @Test
    void closingReapsEveryLauncherItStarted() throws Exception {
        Set<String> before = launcherProcesses();
        try (SandboxFixture own = SandboxFixture.open(SandboxFixture.config().withPrewarm(2))) {
            assertThat(own.run("warm-close", SandboxLimits.defaults(), "/bin/true").exitCode()).isZero();
        }
        // Running or zombie: a launcher left to the host's init after close() is a leak.
        Set<String> left = launcherProcesses();
        left.removeAll(before);
        assertThat(left).as("launcher processes left after Sandbox.close()").isEmpty();
    }

    /** "pid state ppid" of every process named smainer-launch on the host, zombies included. */
    private static Set<String> launcherProcesses() throws IOException {
        Set<String> found = new HashSet<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String afterComm = stat.substring(stat.lastIndexOf(')') + 2);
                    if (stat.contains("(smainer-launch)")) {
                        String[] f = afterComm.split(" ");
                        found.add(p.getFileName() + " " + f[0] + " " + f[1]);
                    }
                } catch (IOException e) {
                    // exited while we looked
                }
            }
        }
        return found;
    }
}

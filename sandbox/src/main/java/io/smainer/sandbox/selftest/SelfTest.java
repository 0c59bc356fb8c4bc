package io.smainer.sandbox.selftest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.sandbox.Sandbox;
import io.smainer.sandbox.SandboxLimits;
import io.smainer.sandbox.SandboxResult;
import io.smainer.sandbox.SandboxSpec;
import io.smainer.sandbox.custom.CustomTaskExecutor;
import io.smainer.sandbox.probe.IsolationReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the self-test cases and reports. Exit status for the daemon's {@code main}: 0 when every case
 * passed, 1 otherwise. Cases that need an unavailable sandbox fail (they are not skipped).
 */
public final class SelfTest {
    /**
     * A fork bomb whose every process stays alive until a fork fails, so the tree must reach pids.max. The
     * classic "b | b &" form lets the top shell exit first, and the pid namespace then reaps the rest, sometimes
     * before the limit is reached.
     */
    public static final String FORK_BOMB = "b() { b | b; }; b";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One case: a name and a check that returns null on success or the failure text. */
    public record Case(String name, Check check) {
    }

    @FunctionalInterface
    public interface Check {
        String run() throws Exception;
    }

    public record Outcome(String name, boolean passed, String detail, long millis) {
    }

    private final List<Case> cases = new ArrayList<>();

    /** The standard set: isolation probe, /bin/true, hostile subset, CUSTOM when enabled. */
    public static SelfTest standard(IsolationReport probe, Sandbox sandbox, CustomTaskExecutor custom,
            String customRuntime) {
        SelfTest t = new SelfTest();
        t.add("isolation probe", () -> probe.available() ? null : probe.refusalReason());
        if (sandbox == null) {
            t.add("sandbox", () -> "sandbox could not be opened: " + probe.refusalReason());
            return t;
        }
        SandboxLimits quick = SandboxLimits.defaults().withWallTimeout(Duration.ofSeconds(20))
                .withMemoryBytes(128 * SandboxLimits.MIB).withTmpfsBytes(4 * SandboxLimits.MIB);
        t.add("spawn /bin/true", () -> expectExit(sandbox.run(spec("/bin/true", quick)), 0));
        t.add("hostile: fork bomb hits pids.max", () -> expectCode(sandbox.run(spec("/bin/sh", quick.withPidsMax(32)
                .withWallTimeout(Duration.ofSeconds(3)), "-c", FORK_BOMB)), TaskErrorCode.RESOURCE_LIMIT));
        t.add("hostile: CPU spin killed at timeout", () -> expectCode(sandbox.run(spec("/bin/sh",
                quick.withWallTimeout(Duration.ofSeconds(1)), "-c", "while :; do :; done")), TaskErrorCode.TIMEOUT));
        t.add("hostile: /etc/shadow invisible", () -> expectExit(sandbox.run(spec("/bin/sh", quick, "-c",
                "test ! -e /etc/shadow")), 0));
        t.add("hostile: no network", () -> expectExit(sandbox.run(spec("/bin/sh", quick, "-c",
                "test \"$(cat /sys/class/net/lo/operstate 2>/dev/null)\" != up && ! ls /sys 2>/dev/null")), 0));
        if (custom != null && customRuntime != null) {
            t.add("CUSTOM " + customRuntime, () -> {
                var payload = JSON.createObjectNode().put("task_type", "CUSTOM").put("runtime", customRuntime)
                        .put("code", customRuntime.startsWith("python") ? "print(6*7)" : "echo 42");
                var r = custom.execute("selftest-" + UUID.randomUUID(), payload, Duration.ofSeconds(20));
                return r.path("stdout").asText().trim().equals("42") ? null : "unexpected result " + r.path("exit_code");
            });
        }
        return t;
    }

    private static SandboxSpec spec(String argv0, SandboxLimits limits, String... args) {
        List<String> argv = new ArrayList<>(List.of(argv0));
        argv.addAll(List.of(args));
        return SandboxSpec.of("selftest-" + UUID.randomUUID(), argv, limits);
    }

    private static String expectExit(SandboxResult r, int code) {
        return r.exitCode() == code && r.errorCode().isEmpty() ? null : "expected exit " + code + ", got " + r.reason();
    }

    private static String expectCode(SandboxResult r, TaskErrorCode code) {
        Optional<TaskErrorCode> got = r.errorCode();
        return got.isPresent() && got.get() == code ? null : "expected " + code + ", got " + got.map(Enum::name)
                .orElse("no error") + " (" + r.reason() + ")";
    }

    public SelfTest add(String name, Check check) {
        cases.add(new Case(name, check));
        return this;
    }

    public List<Outcome> run() {
        List<Outcome> outcomes = new ArrayList<>();
        for (Case c : cases) {
            long start = System.nanoTime();
            String failure;
            try {
                failure = c.check().run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
            } catch (Exception e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            outcomes.add(new Outcome(c.name(), failure == null, failure == null ? "" : failure,
                    (System.nanoTime() - start) / 1_000_000));
        }
        return outcomes;
    }

    public static int printTable(List<Outcome> outcomes, PrintStream out) {
        int width = outcomes.stream().mapToInt(o -> o.name().length()).max().orElse(10);
        for (Outcome o : outcomes) {
            out.printf("%-4s  %-" + width + "s  %6d ms  %s%n", o.passed() ? "PASS" : "FAIL", o.name(), o.millis(),
                    o.detail());
        }
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        out.printf("%d passed, %d failed%n", outcomes.size() - failed, failed);
        return failed == 0 ? 0 : 1;
    }

    public static void writeJunitXml(List<Outcome> outcomes, Path file) throws IOException {
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite name=\"smainer-daemon-selftest\" tests=\"").append(outcomes.size())
                .append("\" failures=\"").append(failed).append("\" errors=\"0\" skipped=\"0\">\n");
        for (Outcome o : outcomes) {
            x.append("  <testcase classname=\"smainer.selftest\" name=\"").append(escape(o.name()))
                    .append("\" time=\"").append(o.millis() / 1000.0).append("\"");
            if (o.passed()) {
                x.append("/>\n");
            } else {
                x.append(">\n    <failure message=\"").append(escape(o.detail())).append("\"/>\n  </testcase>\n");
            }
        }
        x.append("</testsuite>\n");
        Files.writeString(file, x, StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package io.smainer.sandbox.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.sandbox.SandboxFixture;
import io.smainer.sandbox.SandboxLimits;
import io.smainer.sandbox.custom.CustomTaskExecutor;
import io.smainer.sandbox.custom.RuntimeAllowList;
import io.smainer.sandbox.probe.IsolationProbe;
import io.smainer.sandbox.probe.IsolationReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfTestTest {

    @Test
    void standardSelfTestPassesOnThisHostAndWritesJunitXml(@TempDir Path dir) throws Exception {
        try (SandboxFixture fixture = SandboxFixture.open()) {
            RuntimeAllowList runtimes = RuntimeAllowList.parse("python3=/usr/bin/python3");
            IsolationReport probe = new IsolationProbe(fixture.sandbox().config(), Path.of("/proc"), 0)
                    .probe(runtimes.interpreters());
            CustomTaskExecutor custom = new CustomTaskExecutor(fixture.sandbox(), runtimes, SandboxLimits.defaults());
            List<SelfTest.Outcome> outcomes = SelfTest.standard(probe, fixture.sandbox(), custom, "python3").run();
            ByteArrayOutputStream table = new ByteArrayOutputStream();
            int exit = SelfTest.printTable(outcomes, new PrintStream(table, true, StandardCharsets.UTF_8));
            String text = table.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(text).isZero();
            assertThat(text).contains("PASS  spawn /bin/true").contains("PASS  hostile: fork bomb hits pids.max")
                    .contains("PASS  CUSTOM python3").contains(outcomes.size() + " passed, 0 failed");
            Path xml = dir.resolve("selftest.xml");
            SelfTest.writeJunitXml(outcomes, xml);
            assertThat(Files.readString(xml)).contains("<testsuite name=\"smainer-daemon-selftest\" tests=\""
                    + outcomes.size() + "\" failures=\"0\"");
            fixture.assertNothingLeft();
        }
    }

    @Test
    void aFailingCaseMakesExitOneAndAJunitFailure(@TempDir Path dir) throws Exception {
        List<SelfTest.Outcome> outcomes = new SelfTest().add("ok", () -> null).add("broken <x>", () -> "boom & co").run();
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        assertThat(SelfTest.printTable(outcomes, new PrintStream(table, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("FAIL  broken <x>").contains("1 passed, 1 failed");
        SelfTest.writeJunitXml(outcomes, dir.resolve("x.xml"));
        assertThat(Files.readString(dir.resolve("x.xml"))).contains("failures=\"1\"")
                .contains("<failure message=\"boom &amp; co\"/>").contains("name=\"broken &lt;x&gt;\"");
    }
}

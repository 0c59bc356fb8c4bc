package io.smainer.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliRun;
import io.smainer.cli.node.DaemonStatusClient;
import io.smainer.sandbox.UserNamespaceMode;
import io.smainer.sandbox.probe.IsolationReport;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The isolation check with injected probe reports: the host's unprivileged-userns policy and the task user
 * namespace are reported as two facts, the mode comes from the environment before provider.toml, and a user
 * namespace that auto could not turn on is a WARN.
 */
class IsolationCheckTest {
    static final String ON = "maps only uid 998 and gid 997 (same ids inside); host root is unmapped";

    @TempDir
    Path home;

    DoctorContext context(Map<String, String> extraEnv, String toml) throws Exception {
        CliRun run = new CliRun(home);
        run.env.putAll(extraEnv);
        CliEnvironment env = new CliEnvironment(run.env, home, InputStream.nullInputStream(), new PrintWriter(Writer.nullWriter()),
                new PrintWriter(Writer.nullWriter()), null, Clock.systemUTC(), false);
        Path config = home.resolve(".smainer/provider.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, toml);
        DoctorContext ctx = new DoctorContext(env, env.clock(), config, null, () -> {
            throw new IllegalStateException("no relayer in unit tests");
        }, () -> {
            throw new IllegalStateException("no chain in unit tests");
        }, () -> new DaemonStatusClient.Answer(URI.create("http://127.0.0.1:1/status"), "test", null, "down"));
        new ConfigCheck().run(ctx);
        return ctx;
    }

    static IsolationReport report(List<String> problems, boolean hostAllows, boolean apparmor, boolean taskUserns,
                                  String reason) {
        return new IsolationReport(problems.isEmpty(), problems, true, "v1", List.of("memory", "pids"),
                Map.of("memory", "/sys/fs/cgroup/memory/smainer"), true, Map.of("user", true), hostAllows, apparmor,
                taskUserns, reason, true, true, "/opt/smainer/lib/smainer-launch", null, Map.of(), List.of());
    }

    @Test
    void hostPolicyAndTaskUserNamespaceAreTwoFacts() throws Exception {
        CheckResult r = new IsolationCheck(mode -> report(List.of(), false, true, true, ON)).run(context(Map.of(), ""));
        assertThat(r.verdict()).as("a launcher problem of null is a fact too").isEqualTo(Verdict.PASS);
        assertThat(r.message()).contains("unprivileged user namespaces restricted on this host (by AppArmor)",
                "task user namespace: on (" + ON + ")");
        assertThat(r.details()).containsEntry("task_userns", true).containsEntry("task_userns_reason", ON)
                .containsEntry("launcher_problem", null);

        CheckResult allowed = new IsolationCheck(mode -> report(List.of(), true, false, true, ON)).run(context(Map.of(), ""));
        assertThat(allowed.message()).contains("unprivileged user namespaces allowed on this host, task user namespace: on");
    }

    @Test
    void autoThatCouldNotTurnItOnWarnsButOffOnPurposeDoesNot() throws Exception {
        String sysctl = "sysctl user.max_user_namespaces is 0; set it above 0 to give tasks a user namespace";
        CheckResult lost = new IsolationCheck(mode -> report(List.of(), false, false, false, sysctl))
                .run(context(Map.of(), ""));
        assertThat(lost.verdict()).isEqualTo(Verdict.WARN);
        assertThat(lost.message()).contains("unprivileged user namespaces restricted on this host",
                "task user namespace: off (" + sysctl + ")", "tasks run without a user namespace of their own");
        assertThat(lost.fix()).contains("sandbox_userns = \"off\"", "SMAINER_SANDBOX_USERNS=off");

        String disabled = "disabled by SMAINER_SANDBOX_USERNS=off";
        CheckResult off = new IsolationCheck(s -> report(List.of(), true, false, s.userns() == UserNamespaceMode.AUTO, disabled))
                .run(context(Map.of(), "sandbox_userns = \"off\"\n"));
        assertThat(off.verdict()).isEqualTo(Verdict.PASS);
        assertThat(off.message()).contains("task user namespace: off (" + disabled + ")");
    }

    @Test
    void modeComesFromTheEnvironmentThenTheFileThenAuto() throws Exception {
        List<UserNamespaceMode> asked = new ArrayList<>();
        IsolationCheck check = new IsolationCheck(s -> {
            asked.add(s.userns());
            return report(List.of(), true, false, s.userns() == UserNamespaceMode.AUTO, "r");
        });
        check.run(context(Map.of(), ""));
        check.run(context(Map.of(), "sandbox_userns = \"off\"\n"));
        check.run(context(Map.of("SMAINER_SANDBOX_USERNS", "auto"), "sandbox_userns = \"off\"\n"));
        check.run(context(Map.of("SMAINER_SANDBOX_USERNS", "off"), ""));
        assertThat(asked).containsExactly(UserNamespaceMode.AUTO, UserNamespaceMode.OFF, UserNamespaceMode.AUTO,
                UserNamespaceMode.OFF);

        CheckResult bad = check.run(context(Map.of("SMAINER_SANDBOX_USERNS", "required"), ""));
        assertThat(bad.verdict()).isEqualTo(Verdict.WARN);
        assertThat(bad.message()).contains("sandbox_userns='required' (from environment SMAINER_SANDBOX_USERNS)",
                "is not auto or off", "exit 78");
        assertThat(asked).hasSize(4);
    }

    @Test
    void problemsAndALostUserNamespaceAreBothReported() throws Exception {
        CheckResult r = new IsolationCheck(mode -> report(List.of("kernel lacks the pid namespace"), true, false, false,
                "the kernel has no user namespaces")).run(context(Map.of(), ""));
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.message()).contains("sandboxed task kinds will be refused: kernel lacks the pid namespace",
                "tasks run without a user namespace of their own");
        assertThat(r.fix()).contains("docs/security.md", "sandbox_userns = \"off\"");
    }

    @Test
    void configCheckRefusesWhatTheDaemonRefuses() throws Exception {
        DoctorContext ctx = context(Map.of(), "account_address = '0x12'\nkeystore = '/k.json'\nsandbox_userns = 'maybe'\n"
                + "sandbox_prewarm = 9\n");
        CheckResult r = new ConfigCheck().run(ctx);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).contains("sandbox_userns 'maybe' is not auto or off",
                "sandbox_prewarm '9' is not a number of warm launchers 0-8");
        DoctorContext ok = context(Map.of(), "account_address = '0x12'\nkeystore = '/k.json'\nsandbox_userns = 'off'\n"
                + "sandbox_prewarm = 0\n");
        assertThat(new ConfigCheck().run(ok).verdict()).isEqualTo(Verdict.PASS);
    }

    /** A /proc where tasks get a user namespace ("maps only uid …"): the user namespace exists, no sysctl says 0. */
    Path procWithUserNamespaces() throws Exception {
        Path proc = home.resolve("proc");
        Files.createDirectories(proc.resolve("self/ns"));
        Files.writeString(proc.resolve("self/ns/user"), "");
        return proc;
    }

    Path passwd(String... lines) throws Exception {
        return Files.writeString(home.resolve("passwd"), String.join("\n", lines) + "\n");
    }

    @Test
    void probeUsesTheTaskUserLauncherAndRuntimesOfProviderToml() throws Exception {
        Path passwd = passwd("root:x:0:0:root:/root:/bin/bash", "nobody:x:65534:65534:nobody:/:/usr/sbin/nologin");
        IsolationCheck check = IsolationCheck.probing(procWithUserNamespaces(), 0, home.resolve("opt"), passwd);
        CheckResult r = check.run(context(Map.of(), "sandbox_uid = 4242\nsandbox_gid = 4343\n"
                + "sandbox_launcher = '/srv/smainer/bin/smainer-launch'\ncustom_runtimes = 'python3=/usr/bin/python3'\n"));
        assertThat(r.message()).contains("task user namespace: on (maps only uid 4242 and gid 4343", "task user 4242:4343",
                "launcher /srv/smainer/bin/smainer-launch", "runtimes python3").doesNotContain("65534");
        assertThat(r.details()).containsEntry("task_uid", 4242).containsEntry("task_gid", 4343)
                .containsEntry("launcher", "/srv/smainer/bin/smainer-launch");
    }

    @Test
    void environmentOverridesTheFileWhichOverridesTheDefaults() throws Exception {
        List<DaemonSandboxSettings> seen = new ArrayList<>();
        IsolationCheck check = new IsolationCheck(s -> {
            seen.add(s);
            return report(List.of(), true, false, true, ON);
        }, home.resolve("opt"), passwd("smainer-task:x:998:997::/nonexistent:/usr/sbin/nologin"));
        String toml = "sandbox_uid = 4242\nsandbox_gid = 4343\nsandbox_launcher = '/srv/launch'\n"
                + "custom_runtimes = 'sh=/bin/sh'\nsandbox_cgroup_parent = 'tasks'\n";
        check.run(context(Map.of(), toml));
        check.run(context(Map.of("SMAINER_SANDBOX_UID", "5000", "SMAINER_SANDBOX_LAUNCHER", "/env/launch",
                "SMAINER_CUSTOM_RUNTIMES", "python3=/usr/bin/python3", "SMAINER_SANDBOX_CGROUP_PARENT", "envtasks"), toml));
        check.run(context(Map.of(), ""));
        assertThat(seen).hasSize(3);
        assertThat(seen.get(0)).isEqualTo(new DaemonSandboxSettings(UserNamespaceMode.AUTO, Path.of("/srv/launch"), 4242, 4343,
                Map.of("sh", Path.of("/bin/sh")), "tasks"));
        assertThat(seen.get(1)).isEqualTo(new DaemonSandboxSettings(UserNamespaceMode.AUTO, Path.of("/env/launch"), 5000, 4343,
                Map.of("python3", Path.of("/usr/bin/python3")), "envtasks"));
        assertThat(seen.get(2)).as("auto picks smainer-task from passwd; the launcher of the installation")
                .isEqualTo(new DaemonSandboxSettings(UserNamespaceMode.AUTO, home.resolve("opt/lib/smainer-launch"), 998, 997,
                        Map.of(), "smainer"));
        assertThat(seen.get(0).sandboxConfig().taskUid()).isEqualTo(4242);
        assertThat(seen.get(0).sandboxConfig().launcher()).isEqualTo(Path.of("/srv/launch"));
        assertThat(seen.get(0).sandboxConfig().cgroupParentName()).isEqualTo("tasks");
    }

    @Test
    void autoWithoutSmainerTaskIsNobody() throws Exception {
        CheckResult r = IsolationCheck.probing(procWithUserNamespaces(), 0, home.resolve("opt"), home.resolve("no-passwd"))
                .run(context(Map.of(), ""));
        assertThat(r.message()).contains("maps only uid 65534 and gid 65534", "task user 65534:65534",
                "launcher " + home.resolve("opt/lib/smainer-launch"));
    }

    @Test
    void aTaskUserOrLauncherTheDaemonRefusesWarnsWithoutProbing() throws Exception {
        IsolationCheck check = new IsolationCheck(s -> {
            throw new AssertionError("no probe with settings the daemon refuses");
        }, home.resolve("opt"), home.resolve("no-passwd"));
        DoctorContext root = context(Map.of(), "sandbox_uid = 0\n");
        CheckResult r = check.run(root);
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.message()).contains("sandbox_uid='0' (from " + root.configPath() + ") must not be root", "exit 78");
        assertThat(r.fix()).contains("sandbox_uid", "SMAINER_SANDBOX_UID");
        CheckResult relative = check.run(context(Map.of("SMAINER_SANDBOX_LAUNCHER", "bin/launch"), ""));
        assertThat(relative.message()).contains("sandbox_launcher='bin/launch' (from environment SMAINER_SANDBOX_LAUNCHER)"
                + " must be an absolute path");
        CheckResult runtimes = check.run(context(Map.of(), "custom_runtimes = 'python3'\n"));
        assertThat(runtimes.message()).contains("custom_runtimes='python3'", "name=/absolute/path");
    }

    @Test
    void configCheckRefusesTheTaskUserLauncherAndRuntimesTheDaemonRefuses() throws Exception {
        DoctorContext ctx = context(Map.of(), "account_address = '0x12'\nkeystore = '/k.json'\nsandbox_uid = 'nobody'\n"
                + "sandbox_gid = -1\nsandbox_launcher = 'smainer-launch'\ncustom_runtimes = 'py=python3'\n"
                + "sandbox_cgroup_parent = 'a/b'\n");
        CheckResult r = new ConfigCheck().run(ctx);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).contains("sandbox_uid='nobody'", "sandbox_gid='-1'", "sandbox_launcher='smainer-launch'",
                "custom_runtimes='py=python3'", "sandbox_cgroup_parent='a/b'");
        DoctorContext ok = context(Map.of(), "account_address = '0x12'\nkeystore = '/k.json'\nsandbox_uid = 'auto'\n"
                + "sandbox_gid = 4343\nsandbox_launcher = '/srv/launch'\ncustom_runtimes = 'sh=/bin/sh'\n");
        assertThat(new ConfigCheck().run(ok).verdict()).isEqualTo(Verdict.PASS);
    }
}

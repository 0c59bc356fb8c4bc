package io.smainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Freezes the CLI surface operators script against: command names, options and exit codes. A change
 * here is a change to scripts in the field: update cli-surface.txt deliberately and say so in the notes.
 */
class CliSurfaceTest {
    @TempDir
    Path home;

    static String surface(CommandLine root) {
        List<String> lines = new ArrayList<>();
        walk(root, "smainer", lines);
        Map<String, String> codes = new TreeMap<>(root.getCommandSpec().usageMessage().exitCodeList());
        codes.forEach((code, meaning) -> lines.add("exit " + code.trim() + " " + meaning));
        return String.join("\n", lines) + "\n";
    }

    private static void walk(CommandLine cmd, String path, List<String> lines) {
        CommandSpec spec = cmd.getCommandSpec();
        List<String> opts = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            opts.add(String.join("|", o.names()) + (o.typeInfo().isBoolean() ? "" : "=" + o.paramLabel()));
        }
        opts.sort(String::compareTo);
        StringBuilder params = new StringBuilder();
        spec.positionalParameters().forEach(p -> params.append(' ').append(p.paramLabel()));
        lines.add(path + params + " " + String.join(" ", opts));
        for (CommandLine sub : cmd.getSubcommands().values()) {
            walk(sub, path + " " + sub.getCommandName(), lines);
        }
    }

    @Test
    void surfaceIsFrozen() throws IOException {
        CliRun run = new CliRun(home);
        String actual = surface(SmainerCli.commandLine(new CliEnvironment(run.env, home, InputStream.nullInputStream(),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()),
                null, java.time.Clock.systemUTC(), false)));
        String expected;
        try (InputStream in = getClass().getResourceAsStream("cli-surface.txt")) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(actual)
                .as("the CLI surface changed; if deliberate, copy this into cli/src/test/resources/io/smainer/cli/cli-surface.txt:%n%s", actual)
                .isEqualTo(expected);
    }

    @Test
    void everySubcommandAnswersHelp() {
        CliRun run = new CliRun(home);
        for (String[] cmd : new String[][] {{"--help"}, {"wallet", "--help"}, {"wallet", "create", "--help"},
                {"callback", "verify", "--help"}, {"completion", "--help"}, {"status", "--help"}, {"doctor", "--help"},
                {"tasks", "--help"}, {"tasks", "submit", "--help"}, {"tasks", "get", "--help"}, {"tasks", "watch", "--help"},
                {"tasks", "list", "--help"}, {"tasks", "verify", "--help"}}) {
            run.run(cmd);
            assertThat(run.exitCode).as(String.join(" ", cmd)).isZero();
            assertThat(run.out).startsWith("Usage: smainer");
        }
        run.run("--version");
        assertThat(run.out.trim()).isEqualTo("smainer " + io.smainer.protocol.SmainerVersion.current());
        run.run("no-such-command");
        assertThat(run.exitCode).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void completionAndManPageComeFromTheModel() {
        CliRun run = new CliRun(home).run("completion", "bash");
        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("complete -F").contains("export-public");
        run.run("completion", "zsh");
        assertThat(run.out).contains("bashcompinit");
        String man = io.smainer.cli.docs.ManPage.render(SmainerCli.commandLine(io.smainer.cli.CliEnvironment.system()), "1.2.3");
        assertThat(man).startsWith(".TH SMAINER 1").contains(".SS smainer wallet create").contains("\\-\\-passphrase\\-file");
    }
}

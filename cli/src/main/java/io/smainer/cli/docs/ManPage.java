package io.smainer.cli.docs;

import io.smainer.cli.CliEnvironment;
import io.smainer.cli.SmainerCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes {@code smainer.1} (roff) from the command model; run at build time by the cli module's pom so
 * the man page can never drift from the commands. {@code man -l cli/target/man/smainer.1} shows it.
 */
public final class ManPage {
    private ManPage() {}

    public static String render(CommandLine root, String version) {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s);
        CommandSpec spec = root.getCommandSpec();
        w.println(".TH SMAINER 1 \"\" \"smainer " + version + "\" \"Smainer Manual\"");
        w.println(".SH NAME");
        w.println("smainer \\- " + esc(String.join(" ", spec.usageMessage().description())));
        w.println(".SH SYNOPSIS");
        w.println(".B smainer");
        w.println("[\\fIOPTIONS\\fR] \\fICOMMAND\\fR ...");
        w.println(".SH OPTIONS");
        options(w, spec);
        w.println(".SH COMMANDS");
        commands(w, root, "smainer");
        w.println(".SH EXIT STATUS");
        for (String line : spec.usageMessage().exitCodeList().keySet()) {
            w.println(".TP");
            w.println(".B " + esc(line.trim()));
            w.println(esc(spec.usageMessage().exitCodeList().get(line)));
        }
        w.println(".SH ENVIRONMENT");
        w.println(".TP\n.B SMAINER_KEYSTORE_PASSWORD\nKeystore passphrase when no --passphrase-file is given.");
        w.println(".TP\n.B SMAINER_HOME\nDirectory of the wallet and config (default ~/.smainer, /etc/smainer for root).");
        w.println(".TP\n.B NO_COLOR\nDisables colour.");
        w.flush();
        return s.toString();
    }

    private static void commands(PrintWriter w, CommandLine cmd, String path) {
        for (CommandLine sub : cmd.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            String name = path + " " + spec.name();
            w.println(".SS " + esc(name));
            w.println(esc(String.join(" ", spec.usageMessage().description())));
            List<PositionalParamSpec> params = spec.positionalParameters();
            for (PositionalParamSpec p : params) {
                w.println(".TP\n.I " + esc(p.paramLabel()));
                w.println(esc(String.join(" ", p.description())));
            }
            options(w, spec);
            commands(w, sub, name);
        }
    }

    private static void options(PrintWriter w, CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp() || (o.inherited() && spec.parent() != null)) {
                continue;
            }
            w.println(".TP");
            String label = o.typeInfo().isBoolean() ? "" : " \\fI" + esc(o.paramLabel()) + "\\fR";
            w.println(".B " + esc(String.join(", ", o.names())) + label);
            w.println(esc(String.join(" ", o.description())));
        }
    }

    private static String esc(String s) {
        String t = s.replace("\\", "\\\\").replace("-", "\\-");
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }

    /** {@code java … ManPage OUTPUT_FILE}: used by the build. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        CommandLine root = SmainerCli.commandLine(CliEnvironment.system());
        Files.writeString(out, render(root, io.smainer.protocol.SmainerVersion.current()), StandardCharsets.UTF_8);
    }
}

package io.smainer.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code smainer} in-process with a fresh home, captured streams and an injectable clock. */
public final class CliRun {
    public final Path home;
    public final Map<String, String> env = new HashMap<>();
    public Clock clock = Clock.systemUTC();
    public String stdin = "";
    public String out = "";
    public String err = "";
    public int exitCode = -1;

    public CliRun(Path home) {
        this.home = home;
        env.put("SMAINER_HOME", home.resolve(".smainer").toString());
    }

    public CliRun run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CliEnvironment environment = new CliEnvironment(env, home,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(o, true),
                new PrintWriter(e, true), null, clock, false);
        exitCode = SmainerCli.run(environment, args);
        out = o.toString();
        err = e.toString();
        return this;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}

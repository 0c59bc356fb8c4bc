package io.smainer.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a command reads from the outside world, injectable so tests run in-process with captured
 * streams, a fresh temporary home and a fixed clock.
 */
public final class CliEnvironment {
    private final Map<String, String> env;
    private final Path home;
    private final InputStream stdin;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Console console;
    private final Clock clock;
    private final boolean root;
    private BufferedReader stdinReader;

    public CliEnvironment(Map<String, String> env, Path home, InputStream stdin, PrintWriter out, PrintWriter err,
                          Console console, Clock clock, boolean root) {
        this.env = Map.copyOf(env);
        this.home = home;
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.console = console;
        this.clock = clock;
        this.root = root;
    }

    /** The real process environment. */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")), System.in,
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                System.console(), Clock.systemUTC(), "root".equals(System.getProperty("user.name")));
    }

    public Optional<String> env(String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public Path home() {
        return home;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** An interactive terminal, or null when stdin/stdout are not a TTY (scripts, tests). */
    public Console console() {
        return console;
    }

    public Clock clock() {
        return clock;
    }

    public boolean isRoot() {
        return root;
    }

    /** Colour is off with {@code NO_COLOR}, {@code --no-color}, or without a terminal. */
    public boolean colour(boolean noColorFlag) {
        return !noColorFlag && console != null && env("NO_COLOR").isEmpty();
    }

    /** One line of standard input (for piped secrets), or empty at end of input. */
    public Optional<String> readStdinLine() {
        try {
            if (stdinReader == null) {
                stdinReader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            }
            return Optional.ofNullable(stdinReader.readLine());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    /** The whole of standard input. */
    public byte[] readStdinBytes() {
        try {
            return stdin.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    /** {@code /etc/smainer} for root, {@code ~/.smainer} otherwise; {@code SMAINER_HOME} overrides. */
    public Path smainerDir() {
        return env("SMAINER_HOME").map(Path::of).orElse(root ? Path.of("/etc/smainer") : home.resolve(".smainer"));
    }
}

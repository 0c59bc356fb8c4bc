package io.smainer.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts ({@code --config}, {@code --json}, {@code --verbose}, {@code --no-color}). */
public final class GlobalOptions {
    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Provider config file (default: /etc/smainer/provider.toml for root, ~/.smainer/provider.toml otherwise).")
    Path config;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print machine-readable JSON instead of text.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Show stack traces and details of failures.")
    boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No colour (also when NO_COLOR is set).")
    boolean noColor;

    public Path config() {
        return config;
    }

    public boolean json() {
        return json;
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean noColor() {
        return noColor;
    }
}

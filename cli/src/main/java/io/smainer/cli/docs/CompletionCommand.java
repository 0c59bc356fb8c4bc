package io.smainer.cli.docs;

import io.smainer.cli.CliEnvironment;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smainer completion bash|zsh}: prints a completion script generated from the command model.
 * zsh uses the same script through {@code bashcompinit}.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script.",
            "bash: source <(smainer completion bash)",
            "zsh:  autoload -U +X bashcompinit && bashcompinit && source <(smainer completion zsh)"})
public final class CompletionCommand implements Runnable {
    /** Shells we generate for. */
    public enum Shell { bash, zsh }

    private final CliEnvironment env;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    public CompletionCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public void run() {
        CommandLine root = spec.commandLine();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        String script = AutoComplete.bash("smainer", root);
        if (shell == Shell.zsh) {
            script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        env.out().print(script);
        env.out().flush();
    }
}

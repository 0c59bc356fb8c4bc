package io.smainer.cli;

import io.smainer.cli.callback.CallbackCommand;
import io.smainer.cli.callback.CallbackVerifyCommand;
import io.smainer.cli.docs.CompletionCommand;
import io.smainer.cli.doctor.DoctorCommand;
import io.smainer.cli.node.EarningsCommand;
import io.smainer.cli.node.StatusCommand;
import io.smainer.cli.node.RegisterCommand;
import io.smainer.cli.tasks.TasksCommand;
import io.smainer.cli.tasks.TasksGetCommand;
import io.smainer.cli.tasks.TasksListCommand;
import io.smainer.cli.tasks.TasksSubmitCommand;
import io.smainer.cli.tasks.TasksVerifyCommand;
import io.smainer.cli.tasks.TasksWatchCommand;
import io.smainer.cli.wallet.WalletCommand;
import io.smainer.cli.wallet.WalletCreateCommand;
import io.smainer.cli.wallet.WalletExportPublicCommand;
import io.smainer.cli.wallet.WalletImportCommand;
import io.smainer.cli.wallet.WalletShowCommand;
import io.smainer.protocol.SmainerVersion;
import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkCryptos;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** Composition root of {@code smainer}: builds the command tree with its dependencies, maps exits. */
@Command(name = "smainer", mixinStandardHelpOptions = true, versionProvider = SmainerCli.Version.class,
        description = "Operate a Smainer provider: wallet, registration, status, diagnostics, tasks and earnings.",
        usageHelpAutoWidth = true, sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok", "1:a check or operation failed", "2:usage error", "69:a service is unavailable",
            "70:internal error", "74:I/O error", "77:permission problem", "78:configuration problem"})
public final class SmainerCli implements Runnable {

    /** Version from the build (protocol jar's version.properties), never a literal. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"smainer " + SmainerVersion.current()};
        }
    }

    /** Inherited by every subcommand; the same instance is handed to the commands that read it. */
    @Mixin
    final GlobalOptions global;

    SmainerCli(GlobalOptions global) {
        this.global = global;
    }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see smainer --help)");
    }

    /** Builds the whole command tree; tests call this with their own environment. */
    public static CommandLine commandLine(CliEnvironment env) {
        StarkCrypto crypto = StarkCryptos.fast();
        GlobalOptions global = new GlobalOptions();
        CommandLine cli = new CommandLine(new SmainerCli(global));
        cli.addSubcommand(new CommandLine(new WalletCommand())
                .addSubcommand(new WalletCreateCommand(env, global, crypto))
                .addSubcommand(new WalletImportCommand(env, global, crypto))
                .addSubcommand(new WalletShowCommand(env, global))
                .addSubcommand(new WalletExportPublicCommand(env, global)));
        cli.addSubcommand(new RegisterCommand(env, global, crypto));
        cli.addSubcommand(new StatusCommand(env, global));
        cli.addSubcommand(new DoctorCommand(env, global, crypto));
        cli.addSubcommand(new EarningsCommand(env, global));
        cli.addSubcommand(new CommandLine(new TasksCommand())
                .addSubcommand(new TasksSubmitCommand(env, global, crypto))
                .addSubcommand(new TasksGetCommand(env, global))
                .addSubcommand(new TasksWatchCommand(env, global))
                .addSubcommand(new TasksListCommand(env, global))
                .addSubcommand(new TasksVerifyCommand(env, global)));
        cli.addSubcommand(new CommandLine(new CallbackCommand())
                .addSubcommand(new CallbackVerifyCommand(env, global)));
        cli.addSubcommand(new CompletionCommand(env));
        cli.setOut(env.out());
        cli.setErr(env.err());
        cli.setExitCodeExceptionMapper(new ExitCodes());
        cli.setExecutionExceptionHandler(new FailurePrinter(env));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    public static int run(CliEnvironment env, String... args) {
        int code = commandLine(env).execute(args);
        env.out().flush();
        env.err().flush();
        return code;
    }

    public static void main(String[] args) {
        System.exit(run(CliEnvironment.system(), args));
    }
}

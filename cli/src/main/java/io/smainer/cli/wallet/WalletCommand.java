package io.smainer.cli.wallet;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code smainer wallet}: the parent of the wallet commands. */
@Command(name = "wallet", mixinStandardHelpOptions = true,
        description = "Manage the provider's Stark key (keystore v3, compatible with starkli).")
public final class WalletCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose one of: create, import, show, export-public");
    }
}

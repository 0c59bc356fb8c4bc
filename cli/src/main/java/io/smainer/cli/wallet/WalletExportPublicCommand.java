package io.smainer.cli.wallet;

import io.smainer.cli.CliEnvironment;
import io.smainer.cli.GlobalOptions;
import picocli.CommandLine.Command;

/** {@code smainer wallet export-public}: what others may know (address, public key, node id). */
@Command(name = "export-public", mixinStandardHelpOptions = true,
        description = "Print the public key and account address, e.g. to register the node elsewhere.")
public final class WalletExportPublicCommand implements Runnable {
    private final CliEnvironment env;

    private final GlobalOptions global;

    public WalletExportPublicCommand(CliEnvironment env, GlobalOptions global) {
        this.global = global;
        this.env = env;
    }

    @Override
    public void run() {
        WalletPrinter.print(env.out(), new WalletFiles(env).readAccount(), global.json(), false);
    }
}

package io.smainer.cli.wallet;

import io.smainer.cli.CliEnvironment;
import io.smainer.cli.GlobalOptions;
import io.smainer.protocol.keystore.KeystoreFile;
import picocli.CommandLine.Command;

/** {@code smainer wallet show}: address, public key and keystore path — never the private key. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show the wallet's account address, public key and keystore path (never the private key).")
public final class WalletShowCommand implements Runnable {
    private final CliEnvironment env;

    private final GlobalOptions global;

    public WalletShowCommand(CliEnvironment env, GlobalOptions global) {
        this.global = global;
        this.env = env;
    }

    @Override
    public void run() {
        WalletFiles.Account account = new WalletFiles(env).readAccount();
        KeystoreFile.checkPermissions(account.keystore());
        WalletPrinter.print(env.out(), account, global.json(), true);
    }
}

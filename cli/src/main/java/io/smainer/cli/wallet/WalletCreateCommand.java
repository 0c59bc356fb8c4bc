package io.smainer.cli.wallet;

import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliException;
import io.smainer.cli.ExitCodes;
import io.smainer.cli.GlobalOptions;
import io.smainer.cli.Passphrases;
import io.smainer.protocol.keystore.KdfParams;
import io.smainer.protocol.keystore.KeystoreFile;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkCurveOrder;
import io.smainer.protocol.stark.StarkPrivateKey;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smainer wallet create}: a new random Stark key, encrypted into a keystore. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Generate a new Stark key and store it encrypted (keystore v3, mode 0600).")
public final class WalletCreateCommand implements Runnable {
    private final CliEnvironment env;
    private final StarkCrypto crypto;

    @Mixin
    KeystoreOptions keystore;

    private final GlobalOptions global;

    @Option(names = "--address", paramLabel = "0x…", description = "Starknet account address this key controls.")
    String address;

    @Option(names = "--force", description = "Replace an existing keystore (the old key is lost unless backed up).")
    boolean force;

    public WalletCreateCommand(CliEnvironment env, GlobalOptions global, StarkCrypto crypto) {
        this.global = global;
        this.env = env;
        this.crypto = crypto;
    }

    @Override
    public void run() {
        WalletFiles files = new WalletFiles(env);
        Path file = keystore.keystore(files);
        if (Files.exists(file) && !force) {
            throw new CliException(ExitCodes.FAILED, "keystore " + file + " already exists; use it (smainer wallet show), "
                    + "or pass --force to replace it after backing it up");
        }
        String linked = WalletFiles.normaliseAddress(address);
        char[] passphrase = new Passphrases(env).fresh(keystore.passphraseFile());
        StarkPrivateKey key = StarkPrivateKey.of(randomScalar(new SecureRandom()), crypto);
        try {
            KeystoreFile.write(file, key, passphrase, KdfParams.DEFAULT);
        } finally {
            Arrays.fill(passphrase, '\0');
            key.destroy();
        }
        WalletFiles.Account account = new WalletFiles.Account(linked, Felts.toHex(key.publicKey()), file);
        files.writeAccount(account);
        if (!global.json()) {
            env.out().println("Created a new Stark key.");
        }
        WalletPrinter.print(env.out(), account, global.json(), true);
    }

    /** A uniform scalar in [1, curve order). */
    static BigInteger randomScalar(SecureRandom random) {
        BigInteger k;
        do {
            k = new BigInteger(StarkCurveOrder.N.bitLength(), random);
        } while (k.signum() == 0 || k.compareTo(StarkCurveOrder.N) >= 0);
        return k;
    }
}

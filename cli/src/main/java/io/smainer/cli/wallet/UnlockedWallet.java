package io.smainer.cli.wallet;

import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliException;
import io.smainer.cli.ExitCodes;
import io.smainer.cli.Passphrases;
import io.smainer.protocol.keystore.KeystoreFile;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkPrivateKey;
import java.nio.file.Path;
import java.util.Arrays;

/** The wallet's account facts plus its decrypted key, for commands that sign transactions. */
public record UnlockedWallet(WalletFiles.Account account, StarkPrivateKey key) {

    /** Decrypts the wallet's keystore and checks it still matches account.json. */
    public static UnlockedWallet unlock(CliEnvironment env, Path passphraseFile, StarkCrypto crypto) {
        WalletFiles.Account account = new WalletFiles(env).readAccount();
        char[] passphrase = new Passphrases(env).existing(passphraseFile, "Passphrase of " + account.keystore());
        try {
            StarkPrivateKey key = KeystoreFile.read(account.keystore(), passphrase, crypto);
            if (!Felts.toHex(key.publicKey()).equals(account.publicKey())) {
                throw new CliException(ExitCodes.CONFIG, "keystore " + account.keystore() + " holds public key "
                        + Felts.toHex(key.publicKey()) + " but account.json says " + account.publicKey()
                        + "; re-link them with: smainer wallet import --force --from-keystore " + account.keystore());
            }
            return new UnlockedWallet(account, key);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    @Override
    public String toString() {
        return "UnlockedWallet[" + account.address() + "]";
    }
}

package io.smainer.cli.wallet;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --keystore} and {@code --passphrase-file}, shared by the wallet commands. */
public final class KeystoreOptions {
    @Option(names = "--keystore", paramLabel = "FILE",
            description = "Keystore file (default: keystore.json in ~/.smainer, or /etc/smainer for root).")
    Path keystore;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the keystore passphrase from FILE (else SMAINER_KEYSTORE_PASSWORD, else a prompt).")
    Path passphraseFile;

    public Path keystore(WalletFiles files) {
        return keystore != null ? keystore : files.defaultKeystore();
    }

    public Path passphraseFile() {
        return passphraseFile;
    }
}

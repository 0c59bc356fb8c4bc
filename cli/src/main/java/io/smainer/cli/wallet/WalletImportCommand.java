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
import io.smainer.protocol.stark.StarkPrivateKey;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code smainer wallet import}: an existing key from a starkli keystore, or hex on standard input or
 * at a hidden prompt. Never as a flag value (it would land in shell history and {@code ps}).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a Stark private key (starkli keystore, hex on standard input, or a hidden prompt).",
            "The key is never accepted as a command-line value: it would land in shell history and ps."})
public final class WalletImportCommand implements Runnable {
    private final CliEnvironment env;
    private final StarkCrypto crypto;

    @Mixin
    KeystoreOptions keystore;

    private final GlobalOptions global;

    @Option(names = "--from-keystore", paramLabel = "FILE",
            description = "A keystore v3 file (e.g. starkli's); decrypted with the same passphrase and re-encrypted.")
    Path fromKeystore;

    @Option(names = "--address", paramLabel = "0x…", description = "Starknet account address this key controls.")
    String address;

    @Option(names = "--force", description = "Replace an existing keystore.")
    boolean force;

    public WalletImportCommand(CliEnvironment env, GlobalOptions global, StarkCrypto crypto) {
        this.global = global;
        this.env = env;
        this.crypto = crypto;
    }

    @Override
    public void run() {
        WalletFiles files = new WalletFiles(env);
        Path file = keystore.keystore(files);
        if (Files.exists(file) && !force) {
            throw new CliException(ExitCodes.FAILED, "keystore " + file + " already exists; pass --force to replace it");
        }
        String linked = WalletFiles.normaliseAddress(address);
        Passphrases passphrases = new Passphrases(env);
        StarkPrivateKey key;
        char[] passphrase;
        if (fromKeystore != null) {
            passphrase = passphrases.existing(keystore.passphraseFile(), "Passphrase of " + fromKeystore);
            key = KeystoreFile.read(fromKeystore, passphrase, crypto);
        } else {
            key = StarkPrivateKey.of(readHexKey(), crypto);
            passphrase = passphrases.fresh(keystore.passphraseFile());
        }
        try {
            KeystoreFile.write(file, key, passphrase, KdfParams.DEFAULT);
        } finally {
            Arrays.fill(passphrase, '\0');
            key.destroy();
        }
        WalletFiles.Account account = new WalletFiles.Account(linked, Felts.toHex(key.publicKey()), file);
        files.writeAccount(account);
        if (!global.json()) {
            env.out().println("Imported the Stark key.");
        }
        WalletPrinter.print(env.out(), account, global.json(), true);
    }

    private BigInteger readHexKey() {
        String text;
        if (env.console() != null) {
            char[] typed = env.console().readPassword("Stark private key (hex, hidden): ");
            text = typed == null ? "" : new String(typed);
        } else {
            text = env.readStdinLine().orElse("");
        }
        text = text.trim();
        if (text.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "no private key given: pipe it as hex on standard input "
                    + "(e.g. smainer wallet import < key.hex) or use --from-keystore FILE");
        }
        try {
            return Felts.parse("private key", text);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "the private key on standard input is not 0x-prefixed hex or decimal");
        }
    }
}

package io.smainer.cli.doctor;

import io.smainer.cli.Passphrases;
import io.smainer.cli.wallet.WalletFiles;
import io.smainer.protocol.keystore.KeystoreException;
import io.smainer.protocol.keystore.KeystoreFile;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkPrivateKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The keystore exists, is readable by its owner only (the daemon refuses anything else) and decrypts
 * with the configured passphrase ({@code --passphrase-file}, the config's {@code passphrase_file}, or
 * {@code SMAINER_KEYSTORE_PASSWORD}). Without a passphrase decryption is not tested: WARN. The decrypted
 * key stays in memory for the {@code node_register} round trip and is overwritten at the end.
 */
public final class KeystoreCheck implements DoctorCheck {
    private final StarkCrypto crypto;

    public KeystoreCheck(StarkCrypto crypto) {
        this.crypto = crypto;
    }

    @Override
    public String name() {
        return "keystore";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        Optional<WalletFiles.Account> account = ctx.account();
        Path file = ctx.setting("keystore").map(Path::of)
                .or(() -> account.map(WalletFiles.Account::keystore))
                .orElse(new WalletFiles(ctx.env()).defaultKeystore());
        if (!Files.isRegularFile(file)) {
            return CheckResult.fail(name(), "no keystore at " + file, "create one with smainer wallet create (or smainer wallet import)");
        }
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException e) {
            return CheckResult.fail(name(), "cannot read the permissions of " + file + ": " + e.getMessage(),
                    "check that " + file + " is on a POSIX file system and readable by this user");
        }
        Set<PosixFilePermission> loose = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
        if (perms.stream().anyMatch(loose::contains)) {
            return CheckResult.fail(name(), file + " is accessible by group/others (" + PosixFilePermissions.toString(perms)
                    + "); the daemon refuses such a key file", "chmod 600 " + file);
        }
        char[] passphrase;
        String source;
        try {
            Path pf = ctx.passphraseFile() != null ? ctx.passphraseFile() : ctx.setting("passphrase_file").map(Path::of).orElse(null);
            if (pf != null) {
                source = "passphrase file " + pf;
                passphrase = strip(Files.readString(pf, StandardCharsets.UTF_8)).toCharArray();
            } else if (ctx.env().env(Passphrases.ENV).isPresent()) {
                source = Passphrases.ENV;
                passphrase = ctx.env().env(Passphrases.ENV).get().toCharArray();
            } else {
                return CheckResult.warn(name(), file + " has safe permissions (" + PosixFilePermissions.toString(perms)
                        + "); cannot test decryption without a passphrase",
                        "run smainer doctor --passphrase-file FILE (or set SMAINER_KEYSTORE_PASSWORD) to test it");
            }
        } catch (IOException e) {
            return CheckResult.warn(name(), "cannot read the passphrase file (" + e.getMessage() + "); decryption not tested",
                    "run smainer doctor as the daemon's user, or pass --passphrase-file FILE");
        }
        try {
            StarkPrivateKey key = KeystoreFile.read(file, passphrase, crypto);
            ctx.key(key);
            String publicKey = Felts.toHex(key.publicKey());
            if (account.isPresent() && !publicKey.equals(account.get().publicKey())) {
                return CheckResult.fail(name(), file + " holds public key " + publicKey + " but account.json says "
                        + account.get().publicKey(), "re-link them: smainer wallet import --force --from-keystore " + file);
            }
            return CheckResult.pass(name(), file + " (" + PosixFilePermissions.toString(perms) + ") decrypts with the "
                    + source + "; public key " + publicKey);
        } catch (KeystoreException e) {
            String fix = e.reason() == KeystoreException.Reason.WRONG_PASSPHRASE
                    ? "use the passphrase the keystore was created with (" + source + " holds another one)"
                    : "restore the keystore from a backup or import the key again: smainer wallet import --force";
            return CheckResult.fail(name(), "cannot decrypt " + file + " with the " + source + ": " + e.getMessage(), fix);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static String strip(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}

package io.smainer.daemon.testing;

import io.smainer.protocol.keystore.KdfParams;
import io.smainer.protocol.keystore.KeystoreFile;
import io.smainer.protocol.stark.StarkPrivateKey;
import io.smainer.protocol.stark.StarknetJvmCrypto;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A fixed test identity and an encrypted keystore for it (fast scrypt parameters). */
public final class TestKeys {
    public static final String PRIVATE_KEY_HEX = "5f1d0c6a3b2e4d7c9a8b1e2f3d4c5b6a7980a1b2c3d4e5f60718293a4b5c6d7";
    public static final String ADDRESS = "0x0715a3f2c9b8e7d6a5c4b3a29181706f5e4d3c2b1a0998877665544332211ff0";
    public static final String PASSPHRASE = "tr0ub4dor&3-horse-battery";
    public static final StarkPrivateKey KEY = StarkPrivateKey.of(new BigInteger(PRIVATE_KEY_HEX, 16), new StarknetJvmCrypto());

    private TestKeys() {}

    /** Writes keystore.json (0600) and passphrase (0600) into {@code dir}; returns the keystore path. */
    public static Path writeKeystore(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path ks = dir.resolve("keystore.json");
        KeystoreFile.write(ks, KEY, PASSPHRASE.toCharArray(), KdfParams.TESTING);
        Path pass = dir.resolve("passphrase");
        Files.writeString(pass, PASSPHRASE + "\n");
        Files.setPosixFilePermissions(pass, PosixFilePermissions.fromString("rw-------"));
        return ks;
    }
}

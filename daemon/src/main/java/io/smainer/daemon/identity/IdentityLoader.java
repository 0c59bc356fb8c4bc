package io.smainer.daemon.identity;

import io.smainer.daemon.config.ConfigException;
import io.smainer.daemon.config.ConfigKey;
import io.smainer.daemon.config.DaemonConfig;
import io.smainer.protocol.keystore.KeystoreFile;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkPrivateKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the node's Stark key: the encrypted keystore the CLI writes (passphrase from
 * {@code --passphrase-file} / a systemd credential file, or {@code SMAINER_KEYSTORE_PASSWORD}), else
 * {@code STARKNET_PRIVATE_KEY} with a warning. Keystore errors surface as
 * {@link io.smainer.protocol.keystore.KeystoreException}.
 */
public final class IdentityLoader {
    private static final Logger log = LoggerFactory.getLogger(IdentityLoader.class);

    private final StarkCrypto crypto;

    public IdentityLoader(StarkCrypto crypto) {
        this.crypto = crypto;
    }

    public NodeIdentity load(DaemonConfig config) {
        return new NodeIdentity(config.nodeId(), config.accountAddress(), key(config));
    }

    private StarkPrivateKey key(DaemonConfig config) {
        if (config.keystore() != null) {
            char[] passphrase = passphrase(config);
            try {
                return KeystoreFile.read(config.keystore(), passphrase, crypto);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }
        if (config.privateKey().isPresent()) {
            log.warn("using STARKNET_PRIVATE_KEY from the environment; prefer the encrypted keystore "
                    + "(smainer wallet create, then --keystore and --passphrase-file)");
            try {
                return StarkPrivateKey.of(Felts.parse("STARKNET_PRIVATE_KEY", config.privateKey().reveal()), crypto);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(ConfigKey.PRIVATE_KEY.tomlKey(), "invalid STARKNET_PRIVATE_KEY=<redacted>: "
                        + "it must be 0x-prefixed hex below the Stark curve order");
            }
        }
        throw new ConfigException(ConfigKey.KEYSTORE.tomlKey(), "no signing key configured: keystore is unset and "
                + "STARKNET_PRIVATE_KEY is empty; create one with 'smainer wallet create' and pass --keystore FILE "
                + "--passphrase-file FILE");
    }

    private static char[] passphrase(DaemonConfig config) {
        if (config.passphraseFile() != null) {
            try {
                String text = Files.readString(config.passphraseFile(), StandardCharsets.UTF_8);
                int end = text.length();
                while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
                    end--;
                }
                return text.substring(0, end).toCharArray();
            } catch (IOException e) {
                throw new ConfigException(ConfigKey.PASSPHRASE_FILE.tomlKey(), "invalid config passphrase_file='"
                        + config.passphraseFile() + "': cannot be read (" + e.getClass().getSimpleName()
                        + "); check the path and that the daemon's user may read it");
            }
        }
        if (config.keystorePassword().isPresent()) {
            return config.keystorePassword().reveal().toCharArray();
        }
        throw new ConfigException(ConfigKey.PASSPHRASE_FILE.tomlKey(), "keystore='" + config.keystore()
                + "' is set but no passphrase is: pass --passphrase-file FILE or set SMAINER_KEYSTORE_PASSWORD");
    }
}

package io.smainer.daemon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smainer.daemon.config.ConfigException;
import io.smainer.daemon.config.ConfigLoader;
import io.smainer.daemon.config.DaemonConfig;
import io.smainer.daemon.testing.TestKeys;
import io.smainer.protocol.keystore.KeystoreException;
import io.smainer.protocol.stark.NodeAuth;
import io.smainer.protocol.stark.StarknetJvmCrypto;
import io.smainer.protocol.wire.NodeRegister;
import io.smainer.protocol.wire.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityLoaderTest {
    @TempDir
    Path tmp;
    final StarknetJvmCrypto crypto = new StarknetJvmCrypto();

    private DaemonConfig config(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("STARKNET_ACCOUNT_ADDRESS", TestKeys.ADDRESS));
        env.putAll(extra);
        return new ConfigLoader(env).load(Path.of("/dev/null"), Map.of());
    }

    @Test
    void keystoreWithPassphraseFileOrEnvironment() throws Exception {
        Path ks = TestKeys.writeKeystore(tmp);
        NodeIdentity id = new IdentityLoader(crypto).load(config(Map.of("SMAINER_KEYSTORE", ks.toString(),
                "SMAINER_PASSPHRASE_FILE", tmp.resolve("passphrase").toString())));
        assertThat(id.key().publicKey()).isEqualTo(TestKeys.KEY.publicKey());
        assertThat(id.toString()).doesNotContain(TestKeys.PRIVATE_KEY_HEX);
        NodeIdentity fromEnv = new IdentityLoader(crypto).load(config(Map.of("SMAINER_KEYSTORE", ks.toString(),
                "SMAINER_KEYSTORE_PASSWORD", TestKeys.PASSPHRASE)));
        assertThat(fromEnv.key().publicKey()).isEqualTo(TestKeys.KEY.publicKey());
    }

    @Test
    void keystoreErrorsAreTyped() throws Exception {
        Path ks = TestKeys.writeKeystore(tmp);
        assertThatThrownBy(() -> new IdentityLoader(crypto).load(config(Map.of("SMAINER_KEYSTORE", ks.toString()))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--passphrase-file");
        assertThatThrownBy(() -> new IdentityLoader(crypto).load(config(Map.of("SMAINER_KEYSTORE", ks.toString(),
                "SMAINER_KEYSTORE_PASSWORD", "wrong passphrase"))))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(KeystoreException.Reason.WRONG_PASSPHRASE));
        Files.setPosixFilePermissions(ks, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> new IdentityLoader(crypto).load(config(Map.of("SMAINER_KEYSTORE", ks.toString(),
                "SMAINER_KEYSTORE_PASSWORD", TestKeys.PASSPHRASE))))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(KeystoreException.Reason.INSECURE_PERMISSIONS));
    }

    @Test
    void environmentKeyIsAcceptedAndBadOnesAreNotEchoed() {
        NodeIdentity id = new IdentityLoader(crypto).load(config(Map.of("STARKNET_PRIVATE_KEY", "0x" + TestKeys.PRIVATE_KEY_HEX)));
        assertThat(id.key().publicKey()).isEqualTo(TestKeys.KEY.publicKey());
        assertThatThrownBy(() -> new IdentityLoader(crypto).load(config(Map.of("STARKNET_PRIVATE_KEY", "0xnothex-secret"))))
                .isInstanceOf(ConfigException.class).hasMessageNotContaining("nothex-secret");
    }

    @Test
    void registrationIsSignedOverTheExactTimestampAndAddress() {
        NodeIdentity id = new NodeIdentity("node-7", TestKeys.ADDRESS, TestKeys.KEY);
        SignedRegistration reg = new SignedRegistration(id, new NodeAuth(crypto), Samples.hardware(), Samples.capabilities(), 2, "0.1.0");
        NodeRegister r = reg.next();
        assertThat(new NodeAuth(crypto).verify(TestKeys.KEY.publicKey(), "node-7", TestKeys.ADDRESS, r.timestamp(), r.authSignature())).isTrue();
        assertThat(r.capabilities()).isEqualTo(r.capabilityContract());
        assertThat(r.maxConcurrentTasks()).isEqualTo(2);
        assertThat(r.starknetPublicKey()).isEqualTo(id.publicKeyHex());
    }
}

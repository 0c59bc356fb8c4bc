package io.smainer.cli.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smainer.cli.CliRun;
import io.smainer.cli.ExitCodes;
import io.smainer.protocol.keystore.KdfParams;
import io.smainer.protocol.keystore.KeystoreFile;
import io.smainer.protocol.stark.StarkCryptos;
import io.smainer.protocol.stark.StarkPrivateKey;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletCommandsTest {
    private static final String KEY_HEX = "0x0234567890abcdcd1234567890abcdefa332319cfadc698ad56711f5351f3391";
    private static final String PUBLIC_HEX = "0x25ad4b10066af140f8a05c1ef423a109ba774f6e64b12c614c24f8982f3c3d1";
    private static final String PASSPHRASE = "correct horse battery";

    @TempDir
    Path home;
    CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(home);
        cli.env.put("SMAINER_KEYSTORE_PASSWORD", PASSPHRASE);
    }

    @Test
    void createWritesAnOwnerOnlyKeystoreAndPrintsOnlyPublicFacts() throws Exception {
        cli.run("wallet", "create", "--address", "0x74E524cffd76919451cd8fb524076b909a55b40a8251d3c8275a3d65d0fd958");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        Path keystore = home.resolve(".smainer/keystore.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore))).isEqualTo("rw-------");
        assertThat(cli.out).contains("public key: 0x").contains("node id:    74e524cffd76919451cd8fb5").contains(keystore.toString());

        StarkPrivateKey key = KeystoreFile.read(keystore, PASSPHRASE.toCharArray(), StarkCryptos.reference());
        String privateHex = key.value().toString(16);
        assertThat(cli.out + cli.err).doesNotContain(privateHex).doesNotContain(PASSPHRASE);
        assertThat(cli.out).contains("0x" + key.publicKey().toString(16));

        cli.run("wallet", "show", "--json");
        JsonNode shown = new ObjectMapper().readTree(cli.out);
        assertThat(shown.get("public_key").asText()).isEqualTo("0x" + key.publicKey().toString(16));
        assertThat(shown.get("address").asText()).isEqualTo("0x74e524cffd76919451cd8fb524076b909a55b40a8251d3c8275a3d65d0fd958");
        assertThat(cli.out).doesNotContain(privateHex);
    }

    @Test
    void createRefusesToOverwriteWithoutForce() {
        cli.run("wallet", "create");
        assertThat(cli.exitCode).isZero();
        cli.run("wallet", "create");
        assertThat(cli.exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.err).contains("already exists").contains("--force");
    }

    @Test
    void importFromStdinDerivesTheVectorPublicKey() {
        cli.stdin = KEY_HEX + "\n";
        cli.run("wallet", "import", "--address", "0x1234");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.out).contains(PUBLIC_HEX).doesNotContain("0234567890abcdcd");
        cli.run("wallet", "export-public");
        assertThat(cli.out).contains(PUBLIC_HEX).doesNotContain("keystore");
    }

    @Test
    void importWithoutAKeySaysHow() {
        cli.run("wallet", "import");
        assertThat(cli.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err).contains("standard input");
    }

    @Test
    void importFromAStarkliStyleKeystore() throws Exception {
        Path starkli = home.resolve("starkli-keystore.json");
        KeystoreFile.write(starkli, StarkPrivateKey.of(new BigInteger(KEY_HEX.substring(2), 16), StarkCryptos.reference()),
                PASSPHRASE.toCharArray(), KdfParams.TESTING);
        cli.run("wallet", "import", "--from-keystore", starkli.toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.out).contains(PUBLIC_HEX);
        cli.env.put("SMAINER_KEYSTORE_PASSWORD", "wrong passphrase");
        cli.run("wallet", "import", "--force", "--from-keystore", starkli.toString());
        assertThat(cli.exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.err).contains("wrong passphrase").doesNotContain("wrong passphrase\"");
    }

    @Test
    void groupReadableKeystoreIsAPermissionError() throws Exception {
        cli.run("wallet", "create");
        Files.setPosixFilePermissions(home.resolve(".smainer/keystore.json"), PosixFilePermissions.fromString("rw-r-----"));
        cli.run("wallet", "show");
        assertThat(cli.exitCode).isEqualTo(ExitCodes.PERMISSION);
        assertThat(cli.err).contains("chmod 600");
    }

    @Test
    void showWithoutWalletIsAConfigError() {
        cli.run("wallet", "show");
        assertThat(cli.exitCode).isEqualTo(ExitCodes.CONFIG);
        assertThat(cli.err).contains("smainer wallet create");
    }

    @Test
    void shortPassphraseFromFileIsRefused() throws Exception {
        cli.env.remove("SMAINER_KEYSTORE_PASSWORD");
        Path pw = home.resolve("pw");
        Files.writeString(pw, "short\n");
        cli.run("wallet", "create", "--passphrase-file", pw.toString());
        assertThat(cli.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.exists(home.resolve(".smainer/keystore.json"))).isFalse();
    }

    @Test
    void noPassphraseSourceWithoutTerminal() {
        cli.env.remove("SMAINER_KEYSTORE_PASSWORD");
        cli.run("wallet", "create");
        assertThat(cli.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err).contains("--passphrase-file").contains("SMAINER_KEYSTORE_PASSWORD");
    }

    @Test
    void badAddressIsAUsageError() {
        cli.run("wallet", "create", "--address", "not-hex");
        assertThat(cli.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err).contains("not-hex");
    }
}

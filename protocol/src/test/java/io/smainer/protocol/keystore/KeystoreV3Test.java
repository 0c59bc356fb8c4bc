package io.smainer.protocol.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkPrivateKey;
import io.smainer.protocol.stark.StarknetJvmCrypto;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreV3Test {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The private key of both published Web3 Secret Storage test vectors. */
    private static final BigInteger WEB3_KEY = new BigInteger("7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d", 16);
    private final StarkCrypto crypto = new StarknetJvmCrypto();

    @TempDir
    Path home;

    /** Web3 Secret Storage Definition, "Scrypt" test vector (password "testpassword"). */
    @Test
    void web3ScryptVector() throws Exception {
        JsonNode v = JSON.readTree("""
                {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"83dbcc02d8ccb40e466191a123791e0e"},
                 "ciphertext":"d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
                 "kdf":"scrypt","kdfparams":{"dklen":32,"n":262144,"p":8,"r":1,
                 "salt":"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},
                 "mac":"2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"},
                 "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}""");
        assertThat(KeystoreV3.decrypt(v, "testpassword".toCharArray(), Path.of("vector"))).isEqualTo(WEB3_KEY);
        assertThatThrownBy(() -> KeystoreV3.decrypt(v, "wrong".toCharArray(), Path.of("vector")))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(KeystoreException.Reason.WRONG_PASSPHRASE));
    }

    /** Web3 Secret Storage Definition, "PBKDF2-SHA-256" test vector. */
    @Test
    void web3Pbkdf2Vector() throws Exception {
        JsonNode v = JSON.readTree("""
                {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"6087dab2f9fdbbfaddc31a909735c1e6"},
                 "ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
                 "kdf":"pbkdf2","kdfparams":{"c":262144,"dklen":32,"prf":"hmac-sha256",
                 "salt":"ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
                 "mac":"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},
                 "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}""");
        assertThat(KeystoreV3.decrypt(v, "testpassword".toCharArray(), Path.of("vector"))).isEqualTo(WEB3_KEY);
    }

    @Test
    void roundTripThroughAFileWithOwnerOnlyMode() throws Exception {
        StarkPrivateKey key = StarkPrivateKey.of(new BigInteger("0234567890abcdcd1234567890abcdefa332319cfadc698ad56711f5351f3391", 16), crypto);
        Path file = home.resolve("keys/provider.json");
        KeystoreFile.write(file, key, "correct horse".toCharArray(), KdfParams.TESTING);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String text = Files.readString(file);
        assertThat(text).doesNotContain("0234567890abcdcd").contains("\"version\" : 3").contains("scrypt");
        StarkPrivateKey back = KeystoreFile.read(file, "correct horse".toCharArray(), crypto);
        assertThat(back.value()).isEqualTo(key.value());
        assertThat(back.publicKey()).isEqualTo(key.publicKey());
    }

    @Test
    void refusesGroupOrWorldReadableFiles() throws Exception {
        StarkPrivateKey key = StarkPrivateKey.of(BigInteger.valueOf(12345), crypto);
        Path file = home.resolve("k.json");
        KeystoreFile.write(file, key, "pw".toCharArray(), KdfParams.TESTING);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> KeystoreFile.read(file, "pw".toCharArray(), crypto))
                .isInstanceOfSatisfying(KeystoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(KeystoreException.Reason.INSECURE_PERMISSIONS);
                    assertThat(e.getMessage()).contains("chmod 600 " + file);
                });
    }

    @Test
    void missingAndMalformedFilesSayWhatToDo() throws Exception {
        assertThatThrownBy(() -> KeystoreFile.read(home.resolve("none.json"), "pw".toCharArray(), crypto))
                .isInstanceOfSatisfying(KeystoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(KeystoreException.Reason.NOT_FOUND);
                    assertThat(e.getMessage()).contains("smainer wallet create");
                });
        Path bad = home.resolve("bad.json");
        Files.writeString(bad, "{\"version\": 1}");
        Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> KeystoreFile.read(bad, "pw".toCharArray(), crypto))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(KeystoreException.Reason.MALFORMED));
    }

    @Test
    void hostileKdfParametersAreRefusedBeforeAllocating() {
        ObjectNode tree = KeystoreV3.encrypt(BigInteger.TEN, "pw".toCharArray(), KdfParams.TESTING, new SecureRandom());
        ((ObjectNode) tree.get("crypto").get("kdfparams")).put("n", 1 << 30);
        assertThatThrownBy(() -> KeystoreV3.decrypt(tree, "pw".toCharArray(), Path.of("hostile")))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(KeystoreException.Reason.MALFORMED));
    }

    @Test
    void tamperedCiphertextFailsTheMac() {
        ObjectNode tree = KeystoreV3.encrypt(BigInteger.TEN, "pw".toCharArray(), KdfParams.TESTING, new SecureRandom());
        ObjectNode c = (ObjectNode) tree.get("crypto");
        String ct = c.get("ciphertext").asText();
        c.put("ciphertext", (ct.charAt(0) == '0' ? "1" : "0") + ct.substring(1));
        assertThatThrownBy(() -> KeystoreV3.decrypt(tree, "pw".toCharArray(), Path.of("t")))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(KeystoreException.Reason.WRONG_PASSPHRASE));
    }
}

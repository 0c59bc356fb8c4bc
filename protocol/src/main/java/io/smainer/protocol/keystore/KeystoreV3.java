package io.smainer.protocol.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The Web3 Secret Storage (keystore v3) format as starkli and geth use it: the 32-byte big-endian
 * private key encrypted with AES-128-CTR under the first half of a scrypt/PBKDF2-derived key, and
 * {@code mac = keccak256(derived[16..32] ‖ ciphertext)}. Pure functions over JSON trees; files are
 * {@link KeystoreFile}'s job.
 */
public final class KeystoreV3 {
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DKLEN = 32;
    private static final int MAX_PBKDF2_ITERATIONS = 10_000_000;

    private KeystoreV3() {}

    /** Encrypts {@code privateKey} (0 < k < 2^256) under {@code passphrase}. */
    public static ObjectNode encrypt(BigInteger privateKey, char[] passphrase, KdfParams params, SecureRandom random) {
        byte[] salt = new byte[32];
        byte[] iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        byte[] password = utf8(passphrase);
        byte[] derived = Scrypt.derive(password, salt, params.n(), params.r(), params.p(), DKLEN);
        byte[] plain = toBytes32(privateKey);
        try {
            byte[] ciphertext = aesCtr(derived, iv, plain);
            ObjectNode root = JSON.createObjectNode();
            ObjectNode crypto = root.putObject("crypto");
            crypto.put("cipher", "aes-128-ctr");
            crypto.putObject("cipherparams").put("iv", HEX.formatHex(iv));
            crypto.put("ciphertext", HEX.formatHex(ciphertext));
            crypto.put("kdf", "scrypt");
            crypto.putObject("kdfparams").put("dklen", DKLEN).put("n", params.n()).put("p", params.p())
                    .put("r", params.r()).put("salt", HEX.formatHex(salt));
            crypto.put("mac", HEX.formatHex(mac(derived, ciphertext)));
            root.put("id", UUID.randomUUID().toString());
            root.put("version", 3);
            return root;
        } finally {
            Arrays.fill(password, (byte) 0);
            Arrays.fill(derived, (byte) 0);
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Decrypts a keystore tree. A MAC mismatch is reported as a wrong passphrase (or a corrupted file).
     *
     * @param source names the file in error messages
     */
    public static BigInteger decrypt(JsonNode root, char[] passphrase, Path source) {
        JsonNode crypto = root.has("crypto") ? root.get("crypto") : root.get("Crypto");
        if (root.path("version").asInt() != 3 || crypto == null) {
            throw malformed(source, "not a keystore v3 file (expected \"version\": 3 and a \"crypto\" object)");
        }
        if (!"aes-128-ctr".equals(crypto.path("cipher").asText())) {
            throw new KeystoreException(KeystoreException.Reason.UNSUPPORTED, source, "keystore " + source
                    + " uses cipher '" + crypto.path("cipher").asText() + "'; only aes-128-ctr is supported");
        }
        byte[] iv = hex(crypto.path("cipherparams").path("iv"), "cipherparams.iv", source);
        byte[] ciphertext = hex(crypto.path("ciphertext"), "ciphertext", source);
        byte[] expectedMac = hex(crypto.path("mac"), "mac", source);
        byte[] password = utf8(passphrase);
        byte[] derived = derive(crypto, password, source);
        try {
            if (!MessageDigest.isEqual(mac(derived, ciphertext), expectedMac)) {
                throw new KeystoreException(KeystoreException.Reason.WRONG_PASSPHRASE, source,
                        "cannot decrypt keystore " + source + ": wrong passphrase (MAC mismatch)");
            }
            byte[] plain = aesCtr(derived, iv, ciphertext);
            BigInteger key = new BigInteger(1, plain);
            Arrays.fill(plain, (byte) 0);
            return key;
        } finally {
            Arrays.fill(password, (byte) 0);
            Arrays.fill(derived, (byte) 0);
        }
    }

    private static byte[] derive(JsonNode crypto, byte[] password, Path source) {
        JsonNode p = crypto.path("kdfparams");
        byte[] salt = hex(p.path("salt"), "kdfparams.salt", source);
        if (p.path("dklen").asInt(DKLEN) != DKLEN) {
            throw malformed(source, "kdfparams.dklen must be 32");
        }
        String kdf = crypto.path("kdf").asText();
        if ("scrypt".equals(kdf)) {
            KdfParams params;
            try {
                params = new KdfParams(p.path("n").asInt(), p.path("r").asInt(), p.path("p").asInt());
            } catch (IllegalArgumentException e) {
                throw malformed(source, e.getMessage());
            }
            return Scrypt.derive(password, salt, params.n(), params.r(), params.p(), DKLEN);
        }
        if ("pbkdf2".equals(kdf)) {
            int c = p.path("c").asInt();
            if (!"hmac-sha256".equals(p.path("prf").asText()) || c < 1 || c > MAX_PBKDF2_ITERATIONS) {
                throw new KeystoreException(KeystoreException.Reason.UNSUPPORTED, source,
                        "keystore " + source + ": pbkdf2 needs prf hmac-sha256 and 1 ≤ c ≤ " + MAX_PBKDF2_ITERATIONS);
            }
            PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA256Digest());
            gen.init(password, salt, c);
            return ((KeyParameter) gen.generateDerivedParameters(DKLEN * 8)).getKey();
        }
        throw new KeystoreException(KeystoreException.Reason.UNSUPPORTED, source,
                "keystore " + source + " uses kdf '" + kdf + "'; supported: scrypt, pbkdf2");
    }

    private static byte[] mac(byte[] derived, byte[] ciphertext) {
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(derived, 16, 16);
        keccak.update(ciphertext, 0, ciphertext.length);
        byte[] out = new byte[32];
        keccak.doFinal(out, 0);
        return out;
    }

    private static byte[] aesCtr(byte[] derived, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derived, 0, 16, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CTR is required by every Java runtime", e);
        }
    }

    private static byte[] toBytes32(BigInteger key) {
        if (key.signum() <= 0 || key.bitLength() > 256) {
            throw new IllegalArgumentException("private key must be in (0, 2^256)");
        }
        byte[] raw = key.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        Arrays.fill(raw, (byte) 0);
        return out;
    }

    private static byte[] utf8(char[] passphrase) {
        ByteBuffer buf = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] out = new byte[buf.remaining()];
        buf.get(out);
        if (buf.hasArray()) {
            Arrays.fill(buf.array(), (byte) 0);
        }
        return out;
    }

    private static byte[] hex(JsonNode node, String field, Path source) {
        try {
            String s = node.asText();
            if (s.startsWith("0x")) {
                s = s.substring(2);
            }
            if (s.isEmpty()) {
                throw malformed(source, "field " + field + " is missing");
            }
            return HEX.parseHex(s);
        } catch (IllegalArgumentException e) {
            throw malformed(source, "field " + field + " is not hex");
        }
    }

    private static KeystoreException malformed(Path source, String why) {
        return new KeystoreException(KeystoreException.Reason.MALFORMED, source, "keystore " + source + ": " + why);
    }
}

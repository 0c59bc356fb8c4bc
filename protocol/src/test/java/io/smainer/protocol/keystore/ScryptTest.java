package io.smainer.protocol.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;

/** Our scrypt against RFC 7914's test vectors and BouncyCastle's implementation where BC accepts the parameters. */
class ScryptTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void rfc7914Vectors() {
        assertThat(HexFormat.of().formatHex(Scrypt.derive(b(""), b(""), 16, 1, 1, 64))).isEqualTo(
                "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                        + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
        assertThat(HexFormat.of().formatHex(Scrypt.derive(b("password"), b("NaCl"), 1024, 8, 16, 64))).isEqualTo(
                "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                        + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
    }

    @Test
    void agreesWithBouncyCastle() {
        for (int[] p : new int[][] {{2, 1, 1}, {1024, 8, 1}, {256, 4, 3}, {16384, 1, 2}}) {
            byte[] ours = Scrypt.derive(b("pw"), b("salt"), p[0], p[1], p[2], 32);
            assertThat(ours).as("N=%d r=%d p=%d", p[0], p[1], p[2]).isEqualTo(SCrypt.generate(b("pw"), b("salt"), p[0], p[1], p[2], 32));
        }
    }
}

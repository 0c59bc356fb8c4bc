package io.smainer.protocol.stark.curve;

import static io.smainer.protocol.Vectors.big;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.Vectors;
import io.smainer.protocol.stark.StarkSignature;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Published vectors through the fast engine: every Stark vector of vectors.json, and the public
 * vectors of starknet-jvm's {@code StarknetCurveTest} (generated there with cairo-lang).
 */
class StarkVectorsTest {
    /** starknet-jvm StarknetCurveTest's key pair. */
    static final BigInteger SJ_PRIVATE_KEY = hex("4070e7abfa479cf8a30d38895e93800a88862c4a65aa00e2b11495998818046");
    static final BigInteger SJ_PUBLIC_KEY = hex("7697f8f9a4c3e2b1efd882294462fda2ca9c439d02a3a04cf0a0cdb627f11ee");
    static final BigInteger SJ_HASH = hex("052fc40e34aee86948cd47e1a0096fa67df8410f81421f314a1eb18102251a82");

    private final FastStarkCrypto crypto = new FastStarkCrypto();

    @Test
    void vectorsPedersen() {
        JsonNode cases = Vectors.get("pedersen");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode v : cases) {
            assertThat(crypto.pedersen(big(v.get("a")), big(v.get("b")))).as(v.toString()).isEqualTo(big(v.get("hash")));
        }
    }

    @Test
    void vectorsStarkKeys() {
        JsonNode cases = Vectors.get("stark_keys");
        assertThat(cases).isNotEmpty();
        for (JsonNode v : cases) {
            assertThat(crypto.publicKey(big(v.get("private_key")))).isEqualTo(big(v.get("public_key")));
        }
    }

    @Test
    void vectorsResultProof() {
        JsonNode v = Vectors.get("result_proof");
        BigInteger inner = crypto.pedersen(big(v.get("task_id_felt")), big(v.get("provider_address")));
        assertThat(inner).isEqualTo(big(v.get("inner_hash")));
        BigInteger messageHash = crypto.pedersen(inner, big(v.get("result_hash")));
        assertThat(messageHash).isEqualTo(big(v.get("message_hash")));

        BigInteger publicKey = crypto.publicKey(big(v.get("private_key")));
        JsonNode sigs = v.get("valid_signatures");
        assertThat(sigs).hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode sig : sigs) {
            BigInteger r = big(sig.get("r"));
            BigInteger s = big(sig.get("s"));
            assertThat(crypto.verify(publicKey, messageHash, r, s)).as("valid signature %s", sig).isTrue();
            assertThat(crypto.verify(publicKey, messageHash.add(BigInteger.ONE), r, s)).isFalse();
            assertThat(crypto.verify(publicKey, messageHash, s, r)).isFalse();
        }
        StarkSignature ours = crypto.sign(big(v.get("private_key")), messageHash);
        assertThat(crypto.verify(publicKey, messageHash, ours.r(), ours.s())).isTrue();
    }

    @Test
    void vectorsAuthMessageHashSignsAndVerifies() {
        JsonNode key = Vectors.get("stark_keys").get(0);
        for (JsonNode v : Vectors.get("sha256_mod_P")) {
            BigInteger h = big(v.get("felt"));
            if (h.bitLength() > 251) {
                continue; // not signable by Starknet's rules; covered by the range tests
            }
            StarkSignature sig = crypto.sign(big(key.get("private_key")), h);
            assertThat(crypto.verify(big(key.get("public_key")), h, sig.r(), sig.s())).as(v.toString()).isTrue();
        }
    }

    @Test
    void starknetJvmKeyPair() {
        assertThat(crypto.publicKey(SJ_PRIVATE_KEY)).isEqualTo(SJ_PUBLIC_KEY);
    }

    @Test
    void starknetJvmSignatureWithRfc6979Nonce() {
        StarkSignature sig = crypto.sign(SJ_PRIVATE_KEY, SJ_HASH);
        assertThat(sig.r()).isEqualTo(hex("674a535c0b84fbabd8df411908842bb56d40e9c21197e95aafe9433e7807b8c"));
        assertThat(sig.s()).isEqualTo(hex("5eed1e83d0df6a22f1cd168331ae85a4c3b74022f3065531488ed0aaa5b0b3"));
        assertThat(crypto.verify(SJ_PUBLIC_KEY, SJ_HASH, sig.r(), sig.s())).isTrue();
    }

    @Test
    void starknetJvmSignatureWithExplicitNonce() {
        StarkSignature sig = StarkEcdsa.signWithNonce(SJ_PRIVATE_KEY, SJ_HASH,
                hex("6d45bce40ffc4a8cd4cb656048d023a90913e70e589362b41e4334c721cec4b"));
        assertThat(sig).isNotNull();
        assertThat(sig.r()).isEqualTo(hex("76a835cfbccd598b9429f6fce09acace91001abcfa68c36022e42dbdb024385"));
        assertThat(sig.s()).isEqualTo(hex("198ef0ca145ad0fbd175426788d9a7c84de3764f51bfc0fe0579caca660bfe4"));
        assertThat(crypto.verify(SJ_PUBLIC_KEY, SJ_HASH, sig.r(), sig.s())).isTrue();
    }

    @Test
    void starknetJvmVerifyVectorAndSwappedRs() {
        BigInteger r = hex("66f8955f5c4cbad5c21905ca2a968bc32a183e81069b851b7fc388eceaf57f1");
        BigInteger s = hex("13d5af50c934213f27a8cc5863aa304165aa886487fcc575fe6e1228879f9fe");
        assertThat(crypto.verify(SJ_PUBLIC_KEY, BigInteger.ONE, r, s)).isTrue();
        assertThat(crypto.verify(SJ_PUBLIC_KEY, BigInteger.ONE, s, r)).isFalse();
    }

    @Test
    void starknetJvmPedersenVectors() {
        BigInteger maxFelt = StarkCurve.P.subtract(BigInteger.ONE);
        String[][] cases = {
            {"1", "2", "5bb9440e27889a364bcb678b1f679ecd1347acdedcbf36e83494f857cc58026"},
            {"0", "0", "49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804"},
            {"1", "0", "268a9d47dde48af4b6e2c33932ed1c13adec25555abaa837c376af4ea2f8a94"},
            {"0", "1", "46c9aeb066cc2f41c7124af30514f9e607137fbac950524f5fdace5788f9d43"},
            {maxFelt.toString(16), maxFelt.toString(16), "7258fccaf3371fad51b117471d9d888a1786c5694c3e6099160477b593a576e"},
            {"7abcde123245643903241432abcde", "791234124214214728147241242142a89b812221c21d",
                "440a3075f082daa47147a22a4cd0c934ef65ea13ef87bf13adf45613e12f6ee"},
            {"46c9aeb066cc2f41c7124af30514f9e607137fbac950524f5fdace5788f9d43",
                "49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804",
                "68ad69169c41c758ebd02e2fce51716497a708232a45a1b83e82fac1ade326e"},
            {"15d40a3d6ca2ac30f4031e42be28da9b056fef9bb7357ac5e85627ee876e5ad",
                "43e637ca70a5daac877cba6b57e0b9ceffc5b37d28509e46b4fd2dee968a70c",
                "4b9281c85cfc5ab1f4046663135329020f57c1a88a50f4423eff37dd5fe81e8"},
            {"0", "15d40a3d6ca2ac30f4031e42be28da9b056fef9bb7357ac5e85627ee876e5ad",
                "1a0c3e0f68c3ee702017fdb6452339244840eedbb70ab3d4f45e2affd1c9420"},
        };
        for (String[] c : cases) {
            assertThat(crypto.pedersen(hex(c[0]), hex(c[1]))).as("pedersen(%s, %s)", c[0], c[1]).isEqualTo(hex(c[2]));
        }
    }

    @Test
    void starknetJvmPedersenOnElementsVectors() {
        assertThat(crypto.pedersenOnElements())
                .isEqualTo(hex("49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804"));
        assertThat(crypto.pedersenOnElements(BigInteger.valueOf(123782376), BigInteger.valueOf(213984),
                BigInteger.valueOf(128763521321L)))
                .isEqualTo(hex("7b422405da6571242dfc245a43de3b0fe695e7021c148b918cd9cdb462cac59"));
        assertThat(crypto.pedersenOnElements(hex("15d40a3d6ca2ac30f4031e42be28da9b056fef9bb7357ac5e85627ee876e5ad"),
                hex("10927538dee311ae5093324fc180ab87f23bbd7bc05456a12a1a506f220db25")))
                .isEqualTo(hex("43e637ca70a5daac877cba6b57e0b9ceffc5b37d28509e46b4fd2dee968a70c"));
    }

    @Test
    void curveConstantsAreOnTheCurve() {
        for (BigInteger[] p : new BigInteger[][] {StarkCurve.GENERATOR, StarkCurve.PEDERSEN_SHIFT, StarkCurve.PEDERSEN_P1,
            StarkCurve.PEDERSEN_P2, StarkCurve.PEDERSEN_P3, StarkCurve.PEDERSEN_P4}) {
            assertThat(StarkCurve.isOnCurve(p[0], p[1])).isTrue();
        }
        assertThat(StarkCurve.P).isEqualTo(io.smainer.protocol.stark.Felts.FIELD_PRIME);
        assertThat(StarkCurve.N.isProbablePrime(64)).isTrue();
    }

    static BigInteger hex(String h) {
        return new BigInteger(h, 16);
    }
}

package io.smainer.protocol.stark;

import static io.smainer.protocol.Vectors.big;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.Vectors;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** vectors.json through the protocol's Stark helpers, over the starknet-jvm reference engine. */
class StarkHelpersVectorTest {
    private final StarkCrypto crypto = new StarknetJvmCrypto();

    @Test
    void fieldPrime() {
        assertThat(Felts.FIELD_PRIME).isEqualTo(big(Vectors.get("field_prime_P")));
    }

    @Test
    void sha256ModP() {
        for (JsonNode v : Vectors.get("sha256_mod_P")) {
            assertThat(Felts.sha256ModP(v.get("utf8").asText())).as(v.get("utf8").asText()).isEqualTo(big(v.get("felt")));
        }
    }

    @Test
    void authMessageHash() {
        BigInteger h = NodeAuth.hash("node-001", "0x1234", "2026-01-01T00:00:00+00:00");
        assertThat(h).isEqualTo(new BigInteger("6b044cff629d255b240c261dd9c99bfd4e864647969cf391776bafe8df1c29d", 16));
        assertThat(NodeAuth.message("node-001", "0x1234", "2026-01-01T00:00:00+00:00"))
                .isEqualTo("authenticate_node:node-001:0x1234:2026-01-01T00:00:00+00:00");
    }

    @Test
    void authSignatureVerifiesAndIsBoundToEveryField() {
        StarkPrivateKey key = StarkPrivateKey.of(big(Vectors.get("stark_keys").get(0).get("private_key")), crypto);
        NodeAuth auth = new NodeAuth(crypto);
        String ts = "2026-01-01T00:00:00+00:00";
        StarkSignature sig = auth.sign(key, "node-001", "0x1234", ts);
        assertThat(auth.verify(key.publicKey(), "node-001", "0x1234", ts, sig)).isTrue();
        assertThat(auth.verify(key.publicKey(), "node-002", "0x1234", ts, sig)).isFalse();
        assertThat(auth.verify(key.publicKey(), "node-001", "0x01234", ts, sig)).isFalse();
        assertThat(auth.verify(key.publicKey(), "node-001", "0x1234", "2026-01-01T00:00:01+00:00", sig)).isFalse();
    }

    @Test
    void publicKeyFromPrivate() {
        JsonNode v = Vectors.get("stark_keys").get(0);
        StarkPrivateKey key = StarkPrivateKey.of(big(v.get("private_key")), crypto);
        assertThat(key.publicKey()).isEqualTo(big(v.get("public_key")));
        assertThat(key.toString()).doesNotContain(v.get("private_key").asText().substring(2, 20));
    }

    @Test
    void pedersen() {
        for (JsonNode v : Vectors.get("pedersen")) {
            assertThat(crypto.pedersen(big(v.get("a")), big(v.get("b")))).isEqualTo(big(v.get("hash")));
        }
    }

    @Test
    void resultProofVector() {
        JsonNode v = Vectors.get("result_proof");
        ResultProof proof = new ResultProof(crypto);
        BigInteger taskIdFelt = big(v.get("task_id_felt"));
        BigInteger provider = big(v.get("provider_address"));
        BigInteger resultHash = big(v.get("result_hash"));
        assertThat(ResultProof.taskIdFelt("f8fbd675-f719-4cc9-938b-748b8fe079e6", null)).isEqualTo(taskIdFelt);
        assertThat(ResultProof.taskIdFelt("ignored", BigInteger.valueOf(42))).isEqualTo(BigInteger.valueOf(42));
        assertThat(crypto.pedersen(taskIdFelt, provider)).isEqualTo(big(v.get("inner_hash")));
        BigInteger messageHash = proof.messageHash(taskIdFelt, provider, resultHash);
        assertThat(messageHash).isEqualTo(big(v.get("message_hash")));

        StarkPrivateKey key = StarkPrivateKey.of(big(v.get("private_key")), crypto);
        for (JsonNode sig : v.get("valid_signatures")) {
            StarkSignature s = new StarkSignature(big(sig.get("r")), big(sig.get("s")));
            assertThat(proof.verify(key.publicKey(), taskIdFelt, provider, resultHash, s)).isTrue();
            assertThat(proof.verify(key.publicKey(), taskIdFelt, provider, resultHash.add(BigInteger.ONE), s)).isFalse();
        }
        // Our own signature is checked by verification, not by equality (signatures are not unique).
        StarkSignature ours = proof.sign(key, taskIdFelt, provider, resultHash);
        assertThat(proof.verify(key.publicKey(), taskIdFelt, provider, resultHash, ours)).isTrue();
    }

    @Test
    void feeSplitVectors() {
        for (JsonNode v : Vectors.get("fee_split")) {
            FeeSplit f = FeeSplit.of(new BigInteger(v.get("amount_wei").asText()));
            assertThat(f.treasury()).isEqualTo(new BigInteger(v.get("treasury").asText()));
            assertThat(f.gasSubsidy()).isEqualTo(new BigInteger(v.get("gas_subsidy").asText()));
            assertThat(f.providerPayout()).isEqualTo(new BigInteger(v.get("provider_payout").asText()));
            assertThat(f.providerReceives()).isEqualTo(new BigInteger(v.get("provider_receives").asText()));
            assertThat(f.treasury().add(f.providerReceives())).isEqualTo(f.amount());
        }
    }

    @Test
    void nodeIdFromAddress() {
        for (JsonNode v : Vectors.get("node_id_from_address")) {
            assertThat(NodeIds.fromAddress(v.get("address").asText())).as(v.get("address").asText())
                    .isEqualTo(v.get("node_id").asText());
        }
        assertThat(NodeIds.fromAddress(null)).isEqualTo(NodeIds.DEFAULT);
    }

    @Test
    void keyRedaction() {
        for (JsonNode v : Vectors.get("key_redaction_for_logs")) {
            assertThat(KeyRedaction.redact(v.get("input").asText())).isEqualTo(v.get("shown").asText());
        }
        assertThat(KeyRedaction.redact(null)).isEqualTo(KeyRedaction.REDACTED);
        assertThat(KeyRedaction.redact("0x12345")).isEqualTo(KeyRedaction.REDACTED);
    }

    @Test
    void feltParsing() {
        assertThat(Felts.parse("k", "0x1F")).isEqualTo(BigInteger.valueOf(31));
        assertThat(Felts.parse("k", "31")).isEqualTo(BigInteger.valueOf(31));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Felts.parse("starknet_private_key", "0xzz"))
                .hasMessageContaining("starknet_private_key");
    }
}

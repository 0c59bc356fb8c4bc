package io.smainer.protocol.stark.curve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.swmansion.starknet.data.TypedData;
import com.swmansion.starknet.data.types.Felt;
import com.swmansion.starknet.data.types.InvokeTransactionV1;
import com.swmansion.starknet.data.types.Transaction;
import com.swmansion.starknet.data.types.TransactionVersion;
import com.swmansion.starknet.signer.StarkCurveSigner;
import io.smainer.protocol.stark.StarkCryptos;
import io.smainer.protocol.stark.StarkPrivateKey;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our starknet-jvm {@code Signer} against starknet-jvm's own {@code StarkCurveSigner}. */
class FastStarkSignerTest {
    private static final BigInteger KEY = StarkVectorsTest.SJ_PRIVATE_KEY;
    private static final String MAIL = """
            {"types": {
               "StarkNetDomain": [{"name": "name", "type": "felt"}, {"name": "version", "type": "felt"},
                                  {"name": "chainId", "type": "felt"}],
               "Person": [{"name": "name", "type": "felt"}, {"name": "wallet", "type": "felt"}],
               "Mail": [{"name": "from", "type": "Person"}, {"name": "to", "type": "Person"},
                        {"name": "contents", "type": "felt"}]},
             "primaryType": "Mail",
             "domain": {"name": "StarkNet Mail", "version": "1", "chainId": 1},
             "message": {"from": {"name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
                         "to": {"name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},
                         "contents": "Hello, Bob!"}}
            """;

    private final FastStarkCrypto crypto = new FastStarkCrypto();
    private final FastStarkSigner signer = new FastStarkSigner(StarkPrivateKey.of(KEY, crypto), crypto);
    private final StarkCurveSigner reference = new StarkCurveSigner(new Felt(KEY));

    @Test
    void signsATransactionHashExactlyLikeStarkCurveSigner() {
        Felt hash = Felt.fromHex("0x52fc40e34aee86948cd47e1a0096fa67df8410f81421f314a1eb18102251a82");
        Transaction tx = new InvokeTransactionV1(List.of(Felt.ONE), Felt.fromHex("0x1234"), hash, Felt.ZERO,
                TransactionVersion.V1, List.of(), Felt.ZERO);
        assertThat(tx.getHash()).isEqualTo(hash);
        List<Felt> ours = signer.signTransaction(tx);
        assertThat(ours).hasSize(2).isEqualTo(reference.signTransaction(tx));
        assertThat(crypto.verify(signer.getPublicKey().getValue(),
                hash.getValue(), ours.get(0).getValue(), ours.get(1).getValue())).isTrue();
    }

    @Test
    void signsTypedDataExactlyLikeStarkCurveSigner() {
        TypedData typedData = TypedData.fromJsonString(MAIL);
        Felt account = Felt.fromHex("0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826");
        assertThat(signer.signTypedData(typedData, account)).isEqualTo(reference.signTypedData(typedData, account));
    }

    @Test
    void publicKeyMatchesStarkCurveSigner() {
        assertThat(signer.getPublicKey()).isEqualTo(reference.getPublicKey());
    }

    @Test
    void refusesATransactionWithoutHash() {
        Transaction tx = new InvokeTransactionV1(List.of(), Felt.ONE, null, Felt.ZERO, TransactionVersion.V1, List.of(),
                Felt.ZERO);
        assertThatThrownBy(() -> signer.signTransaction(tx)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hash is missing");
    }

    @Test
    void neverPrintsThePrivateKey() {
        String hex = KEY.toString(16);
        assertThat(signer.toString()).doesNotContain(hex.substring(0, 12)).doesNotContain(hex.substring(hex.length() - 12));
        assertThat(crypto.toString()).isEqualTo("FastStarkCrypto");
    }

    @Test
    void defaultEngineIsTheFastOne() {
        assertThat(StarkCryptos.fast()).isInstanceOf(FastStarkCrypto.class);
        assertThat(StarkCryptos.fast().publicKey(KEY)).isEqualTo(StarkCryptos.reference().publicKey(KEY));
    }
}

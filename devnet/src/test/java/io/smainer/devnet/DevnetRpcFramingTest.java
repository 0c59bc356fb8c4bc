package io.smainer.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smainer.protocol.stark.StarkCryptos;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JSON-RPC 2.0 framing of {@link DevnetRpc}: batches, notifications, parse and method errors. */
class DevnetRpcFramingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Devnet devnet;

    @BeforeAll
    static void start() {
        devnet = new Devnet(DevnetConfig.defaults(null, StarkCryptos.fast()).withAccounts(3).withClock(() -> 1_700_000_000L));
    }

    @AfterAll
    static void stop() {
        devnet.close();
    }

    private static JsonNode call(String body) throws Exception {
        byte[] out = devnet.rpc().handle(body.getBytes(StandardCharsets.UTF_8));
        return out.length == 0 ? null : JSON.readTree(out);
    }

    @Test
    void batchAnswersEachRequestWithItsIdAndSkipsNotifications() throws Exception {
        JsonNode r = call("[{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"starknet_chainId\",\"params\":[]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"starknet_blockNumber\",\"params\":[]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"starknet_nope\",\"params\":[]}]");
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.get(0).get("result").asText()).isEqualTo("0x534e5f534d41494e45525f4445564e4554");
        assertThat(r.get(1).get("id").asInt()).isEqualTo(1);
        assertThat(r.get(1).get("error").get("code").asInt()).isEqualTo(-32601);
    }

    @Test
    void malformedJsonIsAParseError() throws Exception {
        JsonNode r = call("{not json");
        assertThat(r.get("error").get("code").asInt()).isEqualTo(-32700);
        assertThat(r.get("id").isNull()).isTrue();
    }

    @Test
    void positionalAndNamedParamsAreEquivalent() throws Exception {
        String address = devnet.predeployedAccounts().get(0).addressHex();
        JsonNode byName = call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"starknet_getNonce\",\"params\":{\"block_id\":\"latest\","
                + "\"contract_address\":\"" + address + "\"}}");
        JsonNode byPosition = call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"starknet_getNonce\",\"params\":[\"latest\",\""
                + address + "\"]}");
        assertThat(byName).isEqualTo(byPosition);
        assertThat(byName.get("result").asText()).isEqualTo("0x0");
        JsonNode missing = call("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"starknet_getNonce\",\"params\":[\"latest\",\"0x999\"]}");
        assertThat(missing.get("error").get("code").asInt()).isEqualTo(20);
    }

    @Test
    void faucetMintsInABlockOfItsOwnWithATransferEvent() throws Exception {
        long before = devnet.readLedger(l -> l.latest().number());
        JsonNode r = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"devnet_mint\",\"params\":{\"address\":\"0x777\",\"amount\":5}}");
        assertThat(r.get("result").get("new_balance").asText()).isEqualTo("5");
        assertThat(r.get("result").get("unit").asText()).isEqualTo("FRI");
        JsonNode receipt = call("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"starknet_getTransactionReceipt\",\"params\":[\""
                + r.get("result").get("tx_hash").asText() + "\"]}");
        assertThat(receipt.get("result").get("block_number").asLong()).isEqualTo(before + 1);
        assertThat(receipt.get("result").get("events").get(0).get("keys").get(2).asText()).isEqualTo("0x777");
    }
}

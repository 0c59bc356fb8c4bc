package io.smainer.chain;

import static io.smainer.chain.LoopbackRpcServer.error;
import static io.smainer.chain.LoopbackRpcServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.swmansion.starknet.account.StandardAccount;
import com.swmansion.starknet.data.types.CairoVersion;
import com.swmansion.starknet.data.types.Felt;
import com.swmansion.starknet.data.types.StarknetChainId;
import com.swmansion.starknet.provider.rpc.JsonRpcProvider;
import io.smainer.protocol.api.Tier;
import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EscrowClient against a loopback JSON-RPC 0.10 server: exact request methods and calldata asserted,
 * answers in the node's shapes (strict parsing), and every error path the issue names.
 */
class EscrowClientRpcTest {
    static final BigInteger ESCROW = new BigInteger("44bf558b2e5ba7b3b24a18ff4944833ef9526b47907bcbdcbf94c33f4431abe", 16);
    static final BigInteger STRK = new BigInteger("4718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d", 16);
    static final BigInteger ACCOUNT = BigInteger.valueOf(0x444);
    static final String TX = "0x7b5c1a0d4f2e3b6a9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6";

    LoopbackRpcServer rpc;
    EscrowClient client;
    StandardAccount account;

    @BeforeEach
    void setUp() throws Exception {
        rpc = new LoopbackRpcServer();
        JsonRpcProvider provider = new JsonRpcProvider(rpc.url());
        client = new EscrowClient(provider, ESCROW,
                new TransactionWaiter(provider, Duration.ofSeconds(5), Duration.ofMillis(1), Duration.ofMillis(5), ms -> { }));
        account = new StandardAccount(new Felt(ACCOUNT), new Felt(BigInteger.valueOf(12345)), provider,
                new StarknetChainId(Felt.fromHex("0x534e5f5345504f4c4941")), CairoVersion.ONE);
        rpc.always("starknet_getNonce", p -> json("\"0x5\""));
        rpc.always("starknet_estimateFee", p -> json("""
                [{"l1_gas_consumed":"0x0","l1_gas_price":"0x1","l2_gas_consumed":"0x100000","l2_gas_price":"0x10",
                  "l1_data_gas_consumed":"0x80","l1_data_gas_price":"0x2","overall_fee":"0x1000100","unit":"FRI"}]"""));
        rpc.always("starknet_addInvokeTransaction", p -> json("{\"transaction_hash\":\"" + TX + "\"}"));
    }

    @AfterEach
    void tearDown() {
        rpc.close();
    }

    static ObjectNode receipt(String executionStatus, String revertReason, JsonNode events) {
        ObjectNode r = (ObjectNode) json("""
                {"type":"INVOKE","transaction_hash":"%s","actual_fee":{"amount":"0x1000","unit":"FRI"},
                 "execution_status":"%s","finality_status":"ACCEPTED_ON_L2","block_hash":"0x1234","block_number":7,
                 "messages_sent":[],"events":[],
                 "execution_resources":{"l1_gas":0,"l1_data_gas":128,"l2_gas":1048576}}""".formatted(TX, executionStatus));
        if (revertReason != null) {
            r.put("revert_reason", revertReason);
        }
        r.set("events", events);
        return r;
    }

    static JsonNode event(BigInteger from, EscrowEventType type, List<BigInteger> keys, List<BigInteger> data) {
        ObjectNode e = LoopbackRpcServer.JSON.createObjectNode().put("from_address", Felts.toHex(from));
        ArrayNode k = e.putArray("keys").add(type.selector().hexString());
        keys.forEach(v -> k.add(Felts.toHex(v)));
        ArrayNode d = e.putArray("data");
        data.forEach(v -> d.add(Felts.toHex(v)));
        return e;
    }

    static JsonNode status(String finality, String execution) {
        ObjectNode s = LoopbackRpcServer.JSON.createObjectNode().put("finality_status", finality);
        if (execution != null) {
            s.put("execution_status", execution);
        }
        return s;
    }

    @Test
    void createTaskIsApprovePlusCreateInOneMulticallAndReadsTheIdFromTheEvent() {
        BigInteger amount = new BigInteger("100000000000000000000");
        rpc.then("starknet_getTransactionStatus", p -> error(29, "Transaction hash not found"))
                .then("starknet_getTransactionStatus", p -> status("RECEIVED", null))
                .then("starknet_getTransactionStatus", p -> status("PRE_CONFIRMED", "SUCCEEDED"))
                .then("starknet_getTransactionStatus", p -> status("ACCEPTED_ON_L2", "SUCCEEDED"));
        ArrayNode events = LoopbackRpcServer.JSON.createArrayNode();
        events.add(event(STRK, EscrowEventType.TRANSFER, List.of(ACCOUNT, ESCROW), List.of(amount, BigInteger.ZERO)));
        events.add(event(ESCROW, EscrowEventType.TASK_CREATED, List.of(BigInteger.valueOf(42), BigInteger.ZERO, ACCOUNT),
                List.of(STRK, amount, BigInteger.ZERO, BigInteger.valueOf(0xabc))));
        rpc.then("starknet_getTransactionReceipt", p -> receipt("SUCCEEDED", null, events));

        BigInteger taskId = client.createTask(account, STRK, amount, BigInteger.valueOf(0xabc));

        assertThat(taskId).isEqualTo(BigInteger.valueOf(42));
        assertThat(rpc.methods()).containsSubsequence("starknet_getNonce", "starknet_estimateFee", "starknet_addInvokeTransaction",
                "starknet_getTransactionStatus", "starknet_getTransactionReceipt");
        JsonNode tx = rpc.lastParams("starknet_addInvokeTransaction").get("invoke_transaction");
        assertThat(tx.get("version").asText()).isEqualTo("0x3");
        assertThat(tx.get("sender_address").asText()).isEqualTo(Felts.toHex(ACCOUNT));
        List<String> calldata = new ArrayList<>();
        tx.get("calldata").forEach(n -> calldata.add(n.asText()));
        // __execute__ calldata (Cairo 1): [n_calls, to, selector, len, data..., to, selector, len, data...]
        assertThat(calldata).containsExactly("0x2",
                Felts.toHex(STRK), EscrowFunction.ERC20_APPROVE.selector().hexString(), "0x3", Felts.toHex(ESCROW),
                Felts.toHex(amount), "0x0",
                Felts.toHex(ESCROW), EscrowFunction.CREATE_TASK.selector().hexString(), "0x4", Felts.toHex(STRK),
                Felts.toHex(amount), "0x0", "0xabc");
        assertThat(tx.get("signature")).hasSize(2);
    }

    @Test
    void revertedTransactionSurfacesTheRevertReason() {
        rpc.then("starknet_getTransactionStatus", p -> status("ACCEPTED_ON_L2", "REVERTED"));
        rpc.then("starknet_getTransactionReceipt", p -> receipt("REVERTED", "Error in the called contract: 'Escrow: task not created'",
                LoopbackRpcServer.JSON.createArrayNode()));
        assertThatThrownBy(() -> client.cancelTask(account, BigInteger.ONE))
                .isInstanceOfSatisfying(ChainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ChainException.Kind.REVERTED);
                    assertThat(e.getMessage()).contains("Escrow: task not created").contains(TX);
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void rpcErrorCodesAreKept() {
        for (int code : new int[] {52, 54, 41, 55}) {
            rpc.then("starknet_addInvokeTransaction", p -> error(code, "rejected with " + code));
            assertThatThrownBy(() -> client.registerNode(account, Tier.PRO, BigInteger.TEN))
                    .isInstanceOfSatisfying(ChainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ChainException.Kind.RPC_ERROR);
                        assertThat(e.rpcCode()).isEqualTo(code);
                    });
        }
        JsonNode calldata = rpc.lastParams("starknet_addInvokeTransaction").get("invoke_transaction").get("calldata");
        assertThat(calldata.get(2).asText()).isEqualTo(EscrowFunction.REGISTER_NODE.selector().hexString());
        assertThat(calldata.get(4).asText()).isEqualTo("0x2");
        assertThat(calldata.get(5).asText()).isEqualTo("0xa");
    }

    @Test
    void waitingGivesUpWithATimeout() {
        rpc.always("starknet_getTransactionStatus", p -> status("PRE_CONFIRMED", "SUCCEEDED"));
        JsonRpcProvider provider = new JsonRpcProvider(rpc.url());
        EscrowClient impatient = new EscrowClient(provider, ESCROW,
                new TransactionWaiter(provider, Duration.ofMillis(50), Duration.ofMillis(5), Duration.ofMillis(10), ms -> {
                    try {
                        Thread.sleep(ms);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThatThrownBy(() -> impatient.refundExpired(account, BigInteger.TWO))
                .isInstanceOfSatisfying(ChainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ChainException.Kind.TIMEOUT);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void getTaskDecodesTheStruct() {
        rpc.then("starknet_call", p -> json("""
                ["0x444","0x555","%s","0x64","0x0","0x1","0xabc","0x0","0x6553f100","0x6553f200","0x0","0x65554280"]"""
                .formatted(Felts.toHex(STRK))));
        EscrowTask task = client.getTask(BigInteger.valueOf(9));
        assertThat(task.status()).isEqualTo(EscrowTask.Status.ASSIGNED);
        assertThat(task.amount()).isEqualTo(BigInteger.valueOf(100));
        assertThat(task.provider()).isEqualTo(BigInteger.valueOf(0x555));
        assertThat(task.deadline()).isEqualTo(0x65554280L);
        JsonNode request = rpc.lastParams("starknet_call").get("request");
        assertThat(request.get("contract_address").asText()).isEqualTo(Felts.toHex(ESCROW));
        assertThat(request.get("entry_point_selector").asText()).isEqualTo(EscrowFunction.GET_TASK.selector().hexString());
        assertThat(request.get("calldata")).hasSize(2);
    }

    @Test
    void unknownTaskIsEmptyAndNodeDecodes() {
        rpc.then("starknet_call", p -> error(40, "Contract error"));
        assertThat(client.findTask(BigInteger.valueOf(999))).isEmpty();
        rpc.then("starknet_call", p -> json("[\"0x1\",\"0x2\",\"0x25ad4b\"]"));
        EscrowNode node = client.getNode(BigInteger.valueOf(0x555));
        assertThat(node.isActive()).isTrue();
        assertThat(node.tierOrNull()).isEqualTo(Tier.PRO);
        assertThat(node.publicKey()).isEqualTo(BigInteger.valueOf(0x25ad4b));
        rpc.then("starknet_call", p -> json("[\"0x64\",\"0x1\"]"));
        assertThat(client.getUserEarnings(BigInteger.ONE)).isEqualTo(BigInteger.ONE.shiftLeft(128).add(BigInteger.valueOf(100)));
    }

    @Test
    void deadEndpointIsUnavailableAndRetryable() {
        rpc.close();
        assertThatThrownBy(() -> client.getUserEarnings(BigInteger.ONE))
                .isInstanceOfSatisfying(ChainException.class, e -> assertThat(e.retryable()).as(e.getMessage()).isTrue());
    }
}

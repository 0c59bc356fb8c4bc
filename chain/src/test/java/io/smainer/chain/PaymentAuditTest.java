package io.smainer.chain;

import static io.smainer.chain.EscrowClientRpcTest.ESCROW;
import static io.smainer.chain.EscrowClientRpcTest.STRK;
import static io.smainer.chain.EscrowClientRpcTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.swmansion.starknet.provider.rpc.JsonRpcProvider;
import io.smainer.protocol.stark.FeeSplit;
import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PaymentAudit over events served by a loopback RPC node: the honest trail passes, every tampering is named. */
class PaymentAuditTest {
    static final BigInteger CREATOR = BigInteger.valueOf(0x444);
    static final BigInteger PROVIDER = BigInteger.valueOf(0x555);
    static final BigInteger TREASURY = BigInteger.valueOf(0x333);
    static final BigInteger TASK = BigInteger.valueOf(7);
    static final BigInteger AMOUNT = new BigInteger("350000000000000000000");

    LoopbackRpcServer rpc;
    PaymentAudit audit;
    /** tx hash → events of that tx (escrow and token). */
    final Map<String, List<JsonNode>> txs = new HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        rpc = new LoopbackRpcServer();
        audit = new PaymentAudit(new EventLog(new JsonRpcProvider(rpc.url())), ESCROW);
        rpc.always("starknet_getEvents", this::events);
        rpc.always("starknet_getTransactionReceipt", p -> {
            String hash = p.get("transaction_hash").asText();
            ArrayNode events = LoopbackRpcServer.JSON.createArrayNode();
            txs.getOrDefault(hash, List.of()).forEach(e -> events.add(((ObjectNode) e).deepCopy().without(List.of("transaction_hash", "block_number", "block_hash", "transaction_index", "event_index"))));
            ObjectNode r = EscrowClientRpcTest.receipt("SUCCEEDED", null, events);
            r.put("transaction_hash", hash);
            return r;
        });
    }

    @AfterEach
    void tearDown() {
        rpc.close();
    }

    private void emit(String tx, int block, JsonNode event) {
        ObjectNode e = (ObjectNode) event;
        List<JsonNode> inTx = txs.computeIfAbsent(tx, k -> new ArrayList<>());
        e.put("transaction_hash", tx).put("block_number", block).put("block_hash", "0x" + Integer.toHexString(1000 + block))
                .put("transaction_index", 0).put("event_index", inTx.size());
        inTx.add(e);
    }

    /** Serves escrow events in pages of two, to exercise continuation tokens. */
    private JsonNode events(JsonNode params) {
        JsonNode filter = params.get("filter");
        List<JsonNode> matching = new ArrayList<>();
        txs.values().forEach(list -> list.forEach(e -> {
            if (e.get("from_address").asText().equals(filter.get("address").asText())
                    && e.get("keys").size() >= 3
                    && e.get("keys").get(1).asText().equals(filter.get("keys").get(1).get(0).asText())) {
                matching.add(e);
            }
        }));
        matching.sort((a, b) -> a.get("block_number").asInt() - b.get("block_number").asInt());
        int start = filter.has("continuation_token") ? Integer.parseInt(filter.get("continuation_token").asText()) : 0;
        ObjectNode result = LoopbackRpcServer.JSON.createObjectNode();
        ArrayNode page = result.putArray("events");
        for (int i = start; i < Math.min(start + 2, matching.size()); i++) {
            page.add(matching.get(i));
        }
        if (start + 2 < matching.size()) {
            result.put("continuation_token", Integer.toString(start + 2));
        }
        return result;
    }

    private void honestTrail(FeeSplit split) {
        emit("0xa1", 1, event(STRK, EscrowEventType.TRANSFER, List.of(CREATOR, ESCROW), List.of(AMOUNT, BigInteger.ZERO)));
        emit("0xa1", 1, event(ESCROW, EscrowEventType.TASK_CREATED, List.of(TASK, BigInteger.ZERO, CREATOR),
                List.of(STRK, AMOUNT, BigInteger.ZERO, BigInteger.TEN)));
        emit("0xa2", 2, event(ESCROW, EscrowEventType.TASK_ASSIGNED, List.of(TASK, BigInteger.ZERO, PROVIDER),
                List.of(BigInteger.valueOf(100), BigInteger.valueOf(86500))));
        emit("0xa3", 3, event(ESCROW, EscrowEventType.TASK_COMPLETED, List.of(TASK, BigInteger.ZERO, PROVIDER),
                List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(200))));
        emit("0xa3", 3, event(ESCROW, EscrowEventType.PAYOUT_RELEASED, List.of(TASK, BigInteger.ZERO, PROVIDER),
                List.of(STRK, split.providerPayout(), BigInteger.ZERO, split.gasSubsidy(), BigInteger.ZERO)));
        emit("0xa3", 3, event(ESCROW, EscrowEventType.FEE_COLLECTED, List.of(TASK, BigInteger.ZERO, TREASURY),
                List.of(STRK, split.treasury(), BigInteger.ZERO)));
        emit("0xa3", 3, event(STRK, EscrowEventType.TRANSFER, List.of(ESCROW, PROVIDER), List.of(split.providerReceives(), BigInteger.ZERO)));
        emit("0xa3", 3, event(STRK, EscrowEventType.TRANSFER, List.of(ESCROW, TREASURY), List.of(split.treasury(), BigInteger.ZERO)));
    }

    @Test
    void honestSettlementAuditsToTheWei() {
        FeeSplit split = FeeSplit.of(AMOUNT);
        honestTrail(split);
        TaskAudit a = audit.auditTask(TASK, new RelayerRecord("settled", split.providerPayout(), split.gasSubsidy(), split.treasury(),
                BigInteger.valueOf(0xa3)));
        assertThat(a.mismatches()).isEmpty();
        assertThat(a.outcome()).isEqualTo(TaskAudit.Outcome.SETTLED);
        assertThat(a.providerReceives()).isEqualTo(new BigInteger("308000000000000000000"));
        assertThat(a.treasuryFee()).isEqualTo(new BigInteger("42000000000000000000"));
        assertThat(a.trail()).hasSize(5);
        assertThat(rpc.methods().stream().filter("starknet_getEvents"::equals).count()).isGreaterThan(1);
    }

    @Test
    void relayerClaimsThatDisagreeWithEventsAreReported() {
        FeeSplit split = FeeSplit.of(AMOUNT);
        honestTrail(split);
        TaskAudit a = audit.auditTask(TASK, new RelayerRecord("settled", split.providerPayout().add(BigInteger.ONE),
                split.gasSubsidy(), split.treasury(), null));
        assertThat(a.ok()).isFalse();
        assertThat(a.mismatches()).anySatisfy(m -> assertThat(m).contains("relayer records"));
        TaskAudit b = audit.auditTask(TASK, new RelayerRecord("pending", null, null, null, null));
        assertThat(b.mismatches()).anySatisfy(m -> assertThat(m).contains("events say settled"));
    }

    @Test
    void missingTokenTransferAndWrongSplitAreCaught() {
        FeeSplit wrong = new FeeSplit(AMOUNT, BigInteger.ZERO, BigInteger.ZERO, AMOUNT);
        honestTrail(wrong);
        txs.get("0xa3").removeIf(e -> e.get("from_address").asText().equals(Felts.toHex(STRK)));
        TaskAudit a = audit.auditTask(TASK, null);
        assertThat(a.mismatches()).anySatisfy(m -> assertThat(m).contains("fee split"))
                .anySatisfy(m -> assertThat(m).contains("no token Transfer"));
    }

    @Test
    void doubleSettlementIsCaught() {
        FeeSplit split = FeeSplit.of(AMOUNT);
        honestTrail(split);
        emit("0xa4", 4, event(ESCROW, EscrowEventType.PAYOUT_RELEASED, List.of(TASK, BigInteger.ZERO, PROVIDER),
                List.of(STRK, split.providerPayout(), BigInteger.ZERO, split.gasSubsidy(), BigInteger.ZERO)));
        assertThat(audit.auditTask(TASK, null).mismatches()).anySatisfy(m -> assertThat(m).contains("2 PayoutReleased"));
    }

    @Test
    void unknownTaskIsNotFound() {
        TaskAudit a = audit.auditTask(BigInteger.valueOf(404), null);
        assertThat(a.outcome()).isEqualTo(TaskAudit.Outcome.NOT_FOUND);
        assertThat(a.ok()).isFalse();
    }
}

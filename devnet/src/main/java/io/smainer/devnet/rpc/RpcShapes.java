package io.smainer.devnet.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.devnet.chain.Block;
import io.smainer.devnet.chain.EventQuery;
import io.smainer.devnet.chain.FeeEstimate;
import io.smainer.devnet.chain.FeeModel;
import io.smainer.devnet.chain.Receipt;
import io.smainer.devnet.exec.EmittedEvent;
import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;
import java.util.List;

/**
 * The RPC 0.10 result shapes, field for field: starknet-jvm's strict parser rejects unknown keys
 * and requires every non-optional one, so nothing is added or left out here.
 */
public final class RpcShapes {
    /** The Starknet version block headers report. */
    public static final String STARKNET_VERSION = "0.14.0";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RpcShapes() {}

    public static String hex(BigInteger v) {
        return Felts.toHex(v);
    }

    public static ArrayNode felts(List<BigInteger> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(v -> a.add(hex(v)));
        return a;
    }

    /** {@code INVOKE_TXN_RECEIPT} with block info ({@code TXN_RECEIPT_WITH_BLOCK_INFO}). */
    public static ObjectNode receipt(Receipt r, Block block) {
        ObjectNode n = F.objectNode();
        n.put("type", "INVOKE");
        n.put("transaction_hash", hex(r.transactionHash()));
        ObjectNode fee = n.putObject("actual_fee");
        fee.put("amount", hex(r.actualFee()));
        fee.put("unit", "FRI");
        n.put("execution_status", r.reverted() ? "REVERTED" : "SUCCEEDED");
        if (r.reverted()) {
            n.put("revert_reason", r.revertReason());
        }
        n.put("finality_status", "ACCEPTED_ON_L2");
        n.put("block_hash", hex(block.hash()));
        n.put("block_number", block.number());
        n.putArray("messages_sent");
        ArrayNode events = n.putArray("events");
        for (EmittedEvent e : r.events()) {
            ObjectNode en = events.addObject();
            en.put("from_address", hex(e.fromAddress()));
            en.set("keys", felts(e.keys()));
            en.set("data", felts(e.data()));
        }
        ObjectNode res = n.putObject("execution_resources");
        res.put("l1_gas", r.usage().l1Gas());
        res.put("l1_data_gas", r.usage().l1DataGas());
        res.put("l2_gas", r.usage().l2Gas());
        return n;
    }

    /** {@code BLOCK_WITH_TX_HASHES} (a processed block: status, parent_hash and commitments present). */
    public static ObjectNode blockWithTxHashes(Block b, int eventCount) {
        ObjectNode n = F.objectNode();
        n.put("status", "ACCEPTED_ON_L2");
        n.set("transactions", felts(b.transactionHashes()));
        n.put("block_hash", hex(b.hash()));
        n.put("block_number", b.number());
        // The devnet keeps no Merkle tries: roots and commitments are reported as 0x0.
        n.put("new_root", "0x0");
        n.put("timestamp", b.timestamp());
        n.put("sequencer_address", hex(io.smainer.devnet.DevnetAddresses.SEQUENCER));
        n.put("parent_hash", hex(b.parentHash()));
        n.set("l1_gas_price", price(FeeModel.L1_GAS_PRICE));
        n.set("l2_gas_price", price(FeeModel.L2_GAS_PRICE));
        n.set("l1_data_gas_price", price(FeeModel.L1_DATA_GAS_PRICE));
        n.put("l1_da_mode", "BLOB");
        n.put("starknet_version", STARKNET_VERSION);
        n.put("event_commitment", "0x0");
        n.put("transaction_commitment", "0x0");
        n.put("receipt_commitment", "0x0");
        n.put("state_diff_commitment", "0x0");
        n.put("event_count", eventCount);
        n.put("transaction_count", b.transactionHashes().size());
        n.put("state_diff_length", 0);
        return n;
    }

    private static ObjectNode price(BigInteger fri) {
        ObjectNode p = F.objectNode();
        p.put("price_in_wei", hex(fri.divide(FeeModel.WEI_PER_FRI_DIVISOR)));
        p.put("price_in_fri", hex(fri));
        return p;
    }

    /** {@code FEE_ESTIMATE}. */
    public static ObjectNode feeEstimate(FeeEstimate e) {
        ObjectNode n = F.objectNode();
        n.put("l1_gas_consumed", hex(BigInteger.valueOf(e.usage().l1Gas())));
        n.put("l1_gas_price", hex(e.l1GasPrice()));
        n.put("l2_gas_consumed", hex(BigInteger.valueOf(e.usage().l2Gas())));
        n.put("l2_gas_price", hex(e.l2GasPrice()));
        n.put("l1_data_gas_consumed", hex(BigInteger.valueOf(e.usage().l1DataGas())));
        n.put("l1_data_gas_price", hex(e.l1DataGasPrice()));
        n.put("overall_fee", hex(e.overallFee()));
        n.put("unit", "FRI");
        return n;
    }

    /** {@code EVENTS_CHUNK}: {@code EMITTED_EVENT}s plus the continuation token when more remain. */
    public static ObjectNode eventsChunk(EventQuery.Page page) {
        ObjectNode n = F.objectNode();
        ArrayNode events = n.putArray("events");
        for (EventQuery.Match m : page.events()) {
            ObjectNode en = events.addObject();
            en.put("from_address", hex(m.event().fromAddress()));
            en.set("keys", felts(m.event().keys()));
            en.set("data", felts(m.event().data()));
            en.put("block_hash", hex(m.block().hash()));
            en.put("block_number", m.block().number());
            en.put("transaction_hash", hex(m.receipt().transactionHash()));
            en.put("transaction_index", m.receipt().transactionIndex());
            en.put("event_index", m.eventIndex());
        }
        if (page.continuationToken() != null) {
            n.put("continuation_token", page.continuationToken());
        }
        return n;
    }

    /** {@code starknet_getTransactionStatus}: {@code failure_reason} only for REVERTED. */
    public static ObjectNode transactionStatus(Receipt r) {
        ObjectNode n = F.objectNode();
        n.put("finality_status", "ACCEPTED_ON_L2");
        n.put("execution_status", r.reverted() ? "REVERTED" : "SUCCEEDED");
        if (r.reverted()) {
            n.put("failure_reason", r.revertReason());
        }
        return n;
    }

    public static JsonNode text(String s) {
        return F.textNode(s);
    }
}

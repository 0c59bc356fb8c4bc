package io.smainer.devnet.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.devnet.exec.EmittedEvent;
import io.smainer.devnet.state.StateChanges;
import io.smainer.devnet.state.WorldState;
import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON shapes the snapshot and its journal share: state maps (full or changed keys), blocks with
 * their receipts. Felts are 0x-hex strings. Field names are the persisted format: renaming one
 * breaks every existing data dir ({@code devnet-state.json} format 1 used the same shapes).
 */
final class ChainJson {
    private ChainJson() {
    }

    /** A mined block as stored: the block and its receipts, in order. */
    record StoredBlock(Block block, List<Receipt> receipts) {}

    static void writeState(ObjectNode st, Map<BigInteger, BigInteger> classHashes, Map<String, BigInteger> storage,
                           Map<BigInteger, BigInteger> nonceMap) {
        ObjectNode classes = st.putObject("classes");
        classHashes.forEach((a, h) -> classes.put(hex(a), hex(h)));
        ObjectNode slots = st.putObject("storage");
        storage.forEach((k, v) -> slots.put(k, hex(v)));
        ObjectNode nonces = st.putObject("nonces");
        nonceMap.forEach((a, n) -> nonces.put(hex(a), hex(n)));
    }

    static void writeState(ObjectNode st, WorldState state) {
        writeState(st, state.classHashes(), state.storage(), state.nonces());
    }

    static void writeState(ObjectNode st, StateChanges changes) {
        writeState(st, changes.classes(), changes.storage(), changes.nonces());
    }

    /** Reads a {@code state} object; as changes it holds every key, which is what a full restore needs too. */
    static StateChanges readState(JsonNode st) {
        Map<BigInteger, BigInteger> classes = new TreeMap<>();
        st.get("classes").fields().forEachRemaining(e -> classes.put(felt(e.getKey()), felt(e.getValue().asText())));
        Map<String, BigInteger> storage = new TreeMap<>();
        st.get("storage").fields().forEachRemaining(e -> storage.put(e.getKey(), felt(e.getValue().asText())));
        Map<BigInteger, BigInteger> nonces = new TreeMap<>();
        st.get("nonces").fields().forEachRemaining(e -> nonces.put(felt(e.getKey()), felt(e.getValue().asText())));
        return new StateChanges(classes, storage, nonces);
    }

    static void writeBlock(ObjectNode bn, Block b, List<Receipt> receipts) {
        bn.put("number", b.number());
        bn.put("hash", hex(b.hash()));
        bn.put("parent_hash", hex(b.parentHash()));
        bn.put("timestamp", b.timestamp());
        ArrayNode rs = bn.putArray("receipts");
        receipts.forEach(r -> writeReceipt(rs.addObject(), r));
    }

    static StoredBlock readBlock(JsonNode bn) {
        long number = bn.get("number").asLong();
        List<Receipt> receipts = new ArrayList<>();
        List<BigInteger> hashes = new ArrayList<>();
        for (JsonNode rn : bn.get("receipts")) {
            Receipt r = readReceipt(rn, number);
            receipts.add(r);
            hashes.add(r.transactionHash());
        }
        Block block = new Block(number, felt(bn.get("hash").asText()), felt(bn.get("parent_hash").asText()),
                bn.get("timestamp").asLong(), hashes);
        return new StoredBlock(block, receipts);
    }

    private static void writeReceipt(ObjectNode rn, Receipt r) {
        rn.put("transaction_hash", hex(r.transactionHash()));
        rn.put("sender", hex(r.senderAddress()));
        rn.put("index", r.transactionIndex());
        rn.put("actual_fee", hex(r.actualFee()));
        if (r.revertReason() != null) {
            rn.put("revert_reason", r.revertReason());
        }
        rn.putArray("usage").add(r.usage().l1Gas()).add(r.usage().l1DataGas()).add(r.usage().l2Gas());
        ArrayNode events = rn.putArray("events");
        for (EmittedEvent e : r.events()) {
            ObjectNode en = events.addObject();
            en.put("from_address", hex(e.fromAddress()));
            ArrayNode keys = en.putArray("keys");
            e.keys().forEach(k -> keys.add(hex(k)));
            ArrayNode data = en.putArray("data");
            e.data().forEach(d -> data.add(hex(d)));
        }
    }

    private static Receipt readReceipt(JsonNode rn, long blockNumber) {
        List<EmittedEvent> events = new ArrayList<>();
        for (JsonNode en : rn.get("events")) {
            events.add(new EmittedEvent(felt(en.get("from_address").asText()), felts(en.get("keys")), felts(en.get("data"))));
        }
        JsonNode u = rn.get("usage");
        return new Receipt(felt(rn.get("transaction_hash").asText()), felt(rn.get("sender").asText()), blockNumber,
                rn.get("index").asInt(), felt(rn.get("actual_fee").asText()),
                rn.has("revert_reason") ? rn.get("revert_reason").asText() : null, events,
                new ResourceUsage(u.get(0).asLong(), u.get(1).asLong(), u.get(2).asLong()));
    }

    private static List<BigInteger> felts(JsonNode array) {
        List<BigInteger> out = new ArrayList<>();
        array.forEach(n -> out.add(felt(n.asText())));
        return out;
    }

    static BigInteger felt(String hex) {
        return Felts.parse("snapshot value", hex);
    }

    static String hex(BigInteger v) {
        return Felts.toHex(v);
    }
}

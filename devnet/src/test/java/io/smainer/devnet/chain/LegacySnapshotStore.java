package io.smainer.devnet.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.devnet.exec.EmittedEvent;
import io.smainer.devnet.state.WorldState;
import io.smainer.protocol.stark.Felts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The format 1 store as it was before the journal (verbatim but for its name): the whole devnet as
 * one JSON document rewritten and fsynced after every block. Kept in test code to write old data dirs
 * for the migration tests and as the baseline of {@link PersistenceBench}.
 */
public final class LegacySnapshotStore {
    public static final String FILE_NAME = "devnet-state.json";
    public static final String FORMAT = "smainer-devnet-snapshot/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public LegacySnapshotStore(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** What a snapshot restores. */
    public record Snapshot(BigInteger chainId, BigInteger seedFingerprint, long timeOffset) {}

    public void save(BigInteger chainId, BigInteger seedFingerprint, long timeOffset, WorldState state, Ledger ledger) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("chain_id", hex(chainId));
        root.put("seed_fingerprint", hex(seedFingerprint));
        root.put("time_offset", timeOffset);
        ObjectNode st = root.putObject("state");
        ObjectNode classes = st.putObject("classes");
        state.classHashes().forEach((a, h) -> classes.put(hex(a), hex(h)));
        ObjectNode storage = st.putObject("storage");
        state.storage().forEach((k, v) -> storage.put(k, hex(v)));
        ObjectNode nonces = st.putObject("nonces");
        state.nonces().forEach((a, n) -> nonces.put(hex(a), hex(n)));
        ArrayNode blocks = root.putArray("blocks");
        for (Block b : ledger.blocks()) {
            ObjectNode bn = blocks.addObject();
            bn.put("number", b.number());
            bn.put("hash", hex(b.hash()));
            bn.put("parent_hash", hex(b.parentHash()));
            bn.put("timestamp", b.timestamp());
            ArrayNode receipts = bn.putArray("receipts");
            ledger.receipts(b).forEach(r -> writeReceipt(receipts.addObject(), r));
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            byte[] bytes = JSON.writeValueAsBytes(root);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write devnet snapshot " + file + ": " + e.getMessage()
                    + " (check that the data dir is writable)", e);
        }
    }

    /** Loads the snapshot into {@code state} and {@code ledger}; empty when there is none yet. */
    public Optional<Snapshot> load(WorldState state, Ledger ledger) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new IllegalStateException("devnet snapshot " + file + " has format '" + root.path("format").asText()
                        + "', expected '" + FORMAT + "'; move the data dir away to start a fresh chain");
            }
            JsonNode st = root.get("state");
            Map<BigInteger, BigInteger> classes = new TreeMap<>();
            st.get("classes").fields().forEachRemaining(e -> classes.put(felt(e.getKey()), felt(e.getValue().asText())));
            Map<String, BigInteger> storage = new TreeMap<>();
            st.get("storage").fields().forEachRemaining(e -> storage.put(e.getKey(), felt(e.getValue().asText())));
            Map<BigInteger, BigInteger> nonces = new TreeMap<>();
            st.get("nonces").fields().forEachRemaining(e -> nonces.put(felt(e.getKey()), felt(e.getValue().asText())));
            state.restore(classes, storage, nonces);
            for (JsonNode bn : root.get("blocks")) {
                long number = bn.get("number").asLong();
                List<Receipt> receipts = new ArrayList<>();
                List<BigInteger> hashes = new ArrayList<>();
                for (JsonNode rn : bn.get("receipts")) {
                    Receipt r = readReceipt(rn, number);
                    receipts.add(r);
                    hashes.add(r.transactionHash());
                }
                ledger.append(new Block(number, felt(bn.get("hash").asText()), felt(bn.get("parent_hash").asText()),
                        bn.get("timestamp").asLong(), hashes), receipts);
            }
            return Optional.of(new Snapshot(felt(root.get("chain_id").asText()), felt(root.get("seed_fingerprint").asText()),
                    root.get("time_offset").asLong()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException("cannot read devnet snapshot " + file + ": " + e.getMessage()
                    + "; move the data dir away to start a fresh chain", e);
        }
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

    private static BigInteger felt(String hex) {
        return Felts.parse("snapshot value", hex);
    }

    private static String hex(BigInteger v) {
        return Felts.toHex(v);
    }
}

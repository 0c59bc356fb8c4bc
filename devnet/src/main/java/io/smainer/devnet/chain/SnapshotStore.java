package io.smainer.devnet.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.devnet.state.StateChanges;
import io.smainer.devnet.state.WorldState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persists the devnet as a snapshot ({@code devnet-state.json}: state, blocks, receipts, clock offset)
 * plus an append-only journal ({@code devnet-journal.log}) of what each {@link #save} added: the new
 * blocks with their receipts and the changed state keys, one checksummed record fsynced before
 * {@code save} returns, so a save costs the size of the change, not of the chain. When the journal
 * outgrows the snapshot it is compacted: a new snapshot (temp file, fsync, atomic rename, directory
 * fsync) that names the last record it covers, then an empty journal; a crash between the two only
 * leaves records that loading skips. Format 1 snapshots (one file rewritten per block) load as they
 * are and become format 2 at the first save.
 */
public final class SnapshotStore implements AutoCloseable {
    public static final String FILE_NAME = "devnet-state.json";
    public static final String JOURNAL_NAME = "devnet-journal.log";
    static final String FORMAT = "smainer-devnet-snapshot/2";
    static final String LEGACY_FORMAT = "smainer-devnet-snapshot/1";
    /** The journal may grow to the snapshot's size, and at least to this, before compaction. */
    public static final long DEFAULT_COMPACT_MIN_BYTES = 4L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final JournalFile journal;
    private final long compactMinBytes;
    private long lastSeq;
    private int persistedBlocks;
    private long persistedOffset;
    private long snapshotBytes;
    private boolean compactNext = true;

    public SnapshotStore(Path dataDir) {
        this(dataDir, DEFAULT_COMPACT_MIN_BYTES);
    }

    public SnapshotStore(Path dataDir, long compactMinBytes) {
        if (compactMinBytes < 0) {
            throw new IllegalArgumentException("compactMinBytes must not be negative, got " + compactMinBytes);
        }
        this.file = dataDir.resolve(FILE_NAME);
        this.journal = new JournalFile(dataDir.resolve(JOURNAL_NAME));
        this.compactMinBytes = compactMinBytes;
    }

    public Path file() {
        return file;
    }

    public Path journalFile() {
        return journal.file();
    }

    /** What a snapshot restores. */
    public record Snapshot(BigInteger chainId, BigInteger seedFingerprint, long timeOffset) {}

    /**
     * Makes everything in {@code state} and {@code ledger} durable before returning (the caller then
     * acknowledges): one journal record with the blocks and state keys changed since the last save,
     * or a compaction when due. After a failure the next save compacts, so nothing is left out.
     */
    public void save(BigInteger chainId, BigInteger seedFingerprint, long timeOffset, WorldState state, Ledger ledger) {
        if (compactNext || journal.size() >= Math.max(compactMinBytes, snapshotBytes)) {
            compact(chainId, seedFingerprint, timeOffset, state, ledger);
            return;
        }
        StateChanges changes = state.drainChanges();
        List<Block> blocks = ledger.blocks();
        if (changes.isEmpty() && blocks.size() == persistedBlocks && timeOffset == persistedOffset) {
            return;
        }
        ObjectNode record = JSON.createObjectNode();
        record.put("seq", lastSeq + 1);
        record.put("time_offset", timeOffset);
        ChainJson.writeState(record.putObject("state"), changes);
        ArrayNode bs = record.putArray("blocks");
        for (Block b : blocks.subList(persistedBlocks, blocks.size())) {
            ChainJson.writeBlock(bs.addObject(), b, ledger.receipts(b));
        }
        try {
            journal.append(JSON.writeValueAsBytes(record));
        } catch (IOException e) {
            compactNext = true;
            throw new UncheckedIOException("cannot append to devnet journal " + journal.file() + ": " + e.getMessage()
                    + " (check that the data dir is writable and not full)", e);
        }
        lastSeq++;
        persistedBlocks = blocks.size();
        persistedOffset = timeOffset;
    }

    /** Loads the snapshot and replays the journal into {@code state} and {@code ledger}; empty when there is none yet. */
    public Optional<Snapshot> load(WorldState state, Ledger ledger) {
        state.trackChanges();
        if (!Files.exists(file)) {
            if (Files.exists(journal.file()) && journal.file().toFile().length() > 0) {
                throw new IllegalStateException("devnet journal " + journal.file() + " exists without its snapshot "
                        + file + "; restore the snapshot or move the data dir away to start a fresh chain");
            }
            return Optional.empty();
        }
        Snapshot snapshot = readSnapshot(state, ledger);
        List<JournalFile.Entry> entries;
        try {
            entries = journal.readAndRepair();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read devnet journal " + journal.file() + ": " + e.getMessage(), e);
        }
        long offset = replay(entries, state, ledger, snapshot.timeOffset());
        persistedBlocks = ledger.blocks().size();
        persistedOffset = offset;
        LOG.info("devnet data dir: snapshot {} ({} bytes) + journal {} ({} records), {} blocks", file, snapshotBytes,
                journal.file(), entries.size(), persistedBlocks);
        return Optional.of(new Snapshot(snapshot.chainId(), snapshot.seedFingerprint(), offset));
    }

    /** Applies the records after the snapshot's {@code journal_seq}, in order; returns the last time offset. */
    private long replay(List<JournalFile.Entry> entries, WorldState state, Ledger ledger, long snapshotOffset) {
        long offset = snapshotOffset;
        int replayed = 0;
        for (int i = 0; i < entries.size(); i++) {
            JournalFile.Entry entry = entries.get(i);
            try {
                JsonNode record = JSON.readTree(entry.payload());
                long seq = record.get("seq").asLong();
                if (seq <= lastSeq && replayed == 0) {
                    continue; // already in the snapshot: a crash came between its rename and the journal reset
                }
                if (seq != lastSeq + 1) {
                    throw new IllegalStateException("record seq " + seq + " does not follow " + lastSeq);
                }
                state.apply(ChainJson.readState(record.get("state")));
                for (JsonNode bn : record.get("blocks")) {
                    ChainJson.StoredBlock sb = ChainJson.readBlock(bn);
                    ledger.append(sb.block(), sb.receipts());
                }
                offset = record.get("time_offset").asLong();
                lastSeq = seq;
                replayed++;
            } catch (IOException | RuntimeException e) {
                throw journal.corrupt(entry.offset(), i, "bad record: " + e.getMessage());
            }
        }
        return offset;
    }

    private Snapshot readSnapshot(WorldState state, Ledger ledger) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            JsonNode root = JSON.readTree(bytes);
            String format = root.path("format").asText();
            if (!FORMAT.equals(format) && !LEGACY_FORMAT.equals(format)) {
                throw new IllegalStateException("devnet snapshot " + file + " has format '" + format + "', expected '"
                        + FORMAT + "' or '" + LEGACY_FORMAT + "'; move the data dir away to start a fresh chain");
            }
            StateChanges st = ChainJson.readState(root.get("state"));
            state.restore(st.classes(), st.storage(), st.nonces());
            for (JsonNode bn : root.get("blocks")) {
                ChainJson.StoredBlock sb = ChainJson.readBlock(bn);
                ledger.append(sb.block(), sb.receipts());
            }
            // Format 1 has no journal; rewriting it as format 2 at the first save keeps an older devnet,
            // which would ignore the journal, from silently losing blocks: it refuses format 2.
            compactNext = LEGACY_FORMAT.equals(format);
            lastSeq = root.path("journal_seq").asLong(0);
            snapshotBytes = bytes.length;
            return new Snapshot(ChainJson.felt(root.get("chain_id").asText()),
                    ChainJson.felt(root.get("seed_fingerprint").asText()), root.get("time_offset").asLong());
        } catch (IllegalStateException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read devnet snapshot " + file + ": " + e.getMessage()
                    + "; move the data dir away to start a fresh chain", e);
        }
    }

    private void compact(BigInteger chainId, BigInteger seedFingerprint, long timeOffset, WorldState state, Ledger ledger) {
        long started = System.nanoTime();
        state.drainChanges(); // the snapshot holds every key
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("chain_id", ChainJson.hex(chainId));
        root.put("seed_fingerprint", ChainJson.hex(seedFingerprint));
        root.put("time_offset", timeOffset);
        // The snapshot takes a seq of its own, so a record a failed append may have left behind is skipped too.
        root.put("journal_seq", ++lastSeq);
        ChainJson.writeState(root.putObject("state"), state);
        ArrayNode blocks = root.putArray("blocks");
        for (Block b : ledger.blocks()) {
            ChainJson.writeBlock(blocks.addObject(), b, ledger.receipts(b));
        }
        try {
            byte[] bytes = JSON.writeValueAsBytes(root);
            DurableFiles.replace(file, bytes);
            long journalBytes = journal.size();
            journal.reset();
            snapshotBytes = bytes.length;
            LOG.debug("devnet compacted: {} blocks, snapshot {} bytes, journal {} bytes dropped, {} ms",
                    ledger.blocks().size(), bytes.length, journalBytes, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            compactNext = true;
            throw new UncheckedIOException("cannot write devnet snapshot " + file + ": " + e.getMessage()
                    + " (check that the data dir is writable and not full)", e);
        }
        compactNext = false;
        persistedBlocks = ledger.blocks().size();
        persistedOffset = timeOffset;
    }

    @Override
    public void close() {
        try {
            journal.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close devnet journal " + journal.file() + ": " + e.getMessage(), e);
        }
    }
}

package io.smainer.devnet.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.devnet.state.WorldState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The format 1 store's write path as it was before the journal: the whole devnet as one JSON document
 * rewritten and fsynced after every block. Its layout is {@link ChainJson}'s (format 2 kept it), so it writes
 * through the same encoders. Kept in test code to write old data dirs for the migration tests and as the
 * baseline of {@link PersistenceBench}.
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

    public void save(BigInteger chainId, BigInteger seedFingerprint, long timeOffset, WorldState state, Ledger ledger) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("chain_id", ChainJson.hex(chainId));
        root.put("seed_fingerprint", ChainJson.hex(seedFingerprint));
        root.put("time_offset", timeOffset);
        ChainJson.writeState(root.putObject("state"), state);
        ArrayNode blocks = root.putArray("blocks");
        for (Block b : ledger.blocks()) {
            ChainJson.writeBlock(blocks.addObject(), b, ledger.receipts(b));
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            byte[] bytes = JSON.writeValueAsBytes(root);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write devnet snapshot " + file + ": " + e.getMessage()
                    + " (check that the data dir is writable)", e);
        }
    }
}

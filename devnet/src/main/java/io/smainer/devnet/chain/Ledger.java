package io.smainer.devnet.chain;

import com.swmansion.starknet.crypto.Poseidon;
import com.swmansion.starknet.data.types.Felt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The chain's history: blocks in order and the receipt of every accepted transaction. */
public final class Ledger {
    private final List<Block> blocks = new ArrayList<>();
    private final Map<BigInteger, Receipt> receipts = new HashMap<>();
    private final Map<BigInteger, Block> blocksByHash = new HashMap<>();

    public Block latest() {
        if (blocks.isEmpty()) {
            throw new IllegalStateException("the ledger has no genesis block yet");
        }
        return blocks.get(blocks.size() - 1);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public Optional<Block> byNumber(long number) {
        return number >= 0 && number < blocks.size() ? Optional.of(blocks.get((int) number)) : Optional.empty();
    }

    public Optional<Block> byHash(BigInteger hash) {
        return Optional.ofNullable(blocksByHash.get(hash));
    }

    public Optional<Receipt> receipt(BigInteger txHash) {
        return Optional.ofNullable(receipts.get(txHash));
    }

    public boolean contains(BigInteger txHash) {
        return receipts.containsKey(txHash);
    }

    public List<Block> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    public List<Receipt> receipts(Block block) {
        return block.transactionHashes().stream().map(receipts::get).toList();
    }

    /** Mines the next block holding {@code blockReceipts} (already numbered for it). */
    public Block mine(long timestamp, List<Receipt> blockReceipts) {
        long number = blocks.size();
        BigInteger parent = blocks.isEmpty() ? BigInteger.ZERO : latest().hash();
        List<Felt> preimage = new ArrayList<>();
        preimage.add(new Felt(BigInteger.valueOf(number)));
        preimage.add(new Felt(parent));
        preimage.add(new Felt(BigInteger.valueOf(timestamp)));
        List<BigInteger> hashes = new ArrayList<>();
        for (Receipt r : blockReceipts) {
            if (r.blockNumber() != number) {
                throw new IllegalArgumentException("receipt " + r.transactionHash() + " is for block " + r.blockNumber()
                        + ", not " + number);
            }
            hashes.add(r.transactionHash());
            preimage.add(new Felt(r.transactionHash()));
        }
        Block block = new Block(number, Poseidon.poseidonHash(preimage).getValue(), parent, timestamp, hashes);
        append(block, blockReceipts);
        return block;
    }

    /** Re-adds a persisted block (snapshot restore); the caller guarantees order. */
    public void append(Block block, List<Receipt> blockReceipts) {
        if (block.number() != blocks.size()) {
            throw new IllegalStateException("block " + block.number() + " out of order: the ledger holds " + blocks.size());
        }
        blocks.add(block);
        blocksByHash.put(block.hash(), block);
        for (Receipt r : blockReceipts) {
            receipts.put(r.transactionHash(), r);
        }
    }
}

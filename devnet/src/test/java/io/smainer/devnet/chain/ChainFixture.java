package io.smainer.devnet.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.devnet.exec.EmittedEvent;
import io.smainer.devnet.state.WorldState;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A chain built without the executor, shaped like the devnet's: per block a fee-paying transaction
 * that bumps a nonce, moves balances, writes and sometimes clears escrow slots and emits events.
 * Opened on a data dir the way {@code Devnet} does it: load, else genesis and a first save.
 */
final class ChainFixture implements AutoCloseable {
    static final BigInteger CHAIN_ID = new BigInteger("534e5f534d41494e45525f4445564e4554", 16);
    static final BigInteger SEED = BigInteger.valueOf(0x5eed);
    static final BigInteger TOKEN = BigInteger.valueOf(0x7777);
    static final BigInteger ESCROW = BigInteger.valueOf(0xe5c);
    static final BigInteger SEQUENCER = BigInteger.valueOf(0x1000);

    final WorldState state = new WorldState();
    final Ledger ledger = new Ledger();
    final SnapshotStore store;
    final Optional<SnapshotStore.Snapshot> restored;
    long timeOffset;

    private ChainFixture(SnapshotStore store) {
        this.store = store;
        this.restored = store == null ? Optional.empty() : store.load(state, ledger);
        this.timeOffset = restored.map(SnapshotStore.Snapshot::timeOffset).orElse(0L);
        if (restored.isEmpty()) {
            state.deploy(TOKEN, BigInteger.valueOf(0xc1a55));
            state.deploy(ESCROW, BigInteger.valueOf(0xc1a56));
            for (int i = 1; i <= 5; i++) {
                state.deploy(account(i), BigInteger.valueOf(0xacc));
                state.write(TOKEN, "balances[" + account(i) + "]", BigInteger.TEN.pow(22));
            }
            ledger.mine(1_700_000_000L, List.of(receipt(0, BigInteger.valueOf(0x6e6e))));
            save();
        }
    }

    static ChainFixture open(Path dir) {
        return new ChainFixture(new SnapshotStore(dir));
    }

    static ChainFixture open(Path dir, long compactMinBytes) {
        return new ChainFixture(new SnapshotStore(dir, compactMinBytes));
    }

    /** A chain that is never saved (the benchmark saves it with another store). */
    static ChainFixture inMemory() {
        return new ChainFixture(null);
    }

    static BigInteger account(int i) {
        return BigInteger.valueOf(0xa000 + i);
    }

    /** Mines one invoke-like block and saves, as {@code Devnet.submit} does. */
    void mineInvoke() {
        mine();
        save();
    }

    /** Mines one invoke-like block without saving it. */
    void mine() {
        long number = ledger.latest().number() + 1;
        BigInteger sender = account((int) (number % 5) + 1);
        state.incrementNonce(sender);
        state.write(TOKEN, "balances[" + sender + "]", state.read(TOKEN, "balances[" + sender + "]").subtract(BigInteger.TEN));
        state.write(TOKEN, "balances[" + SEQUENCER + "]", state.read(TOKEN, "balances[" + SEQUENCER + "]").add(BigInteger.TEN));
        state.write(ESCROW, "tasks[" + number + "].state", BigInteger.ONE);
        state.write(ESCROW, "tasks[" + number + "].amount", BigInteger.valueOf(number * 1_000));
        if (number > 2) {
            state.write(ESCROW, "tasks[" + (number - 2) + "].amount", BigInteger.ZERO); // cleared slot
        }
        ledger.mine(ledger.latest().timestamp() + 1 + timeOffset, List.of(receipt(number, sender)));
    }

    /** A change without a block, like {@code devnet_increaseTime}. */
    void increaseTime(long seconds) {
        timeOffset += seconds;
        save();
    }

    void save() {
        if (store == null) {
            return;
        }
        store.save(CHAIN_ID, SEED, timeOffset, state, ledger);
    }

    private static Receipt receipt(long number, BigInteger sender) {
        BigInteger hash = BigInteger.valueOf(number).shiftLeft(64).add(sender);
        List<EmittedEvent> events = List.of(
                new EmittedEvent(ESCROW, List.of(BigInteger.valueOf(0xabc), BigInteger.valueOf(number)),
                        List.of(sender, BigInteger.valueOf(number * 1_000), BigInteger.ZERO)),
                new EmittedEvent(TOKEN, List.of(BigInteger.valueOf(0x99), sender, SEQUENCER),
                        List.of(BigInteger.TEN, BigInteger.ZERO)));
        return new Receipt(hash, sender, number, 0, BigInteger.TEN, number % 7 == 3 ? "Execution failed." : null, events,
                new ResourceUsage(0, 128, 550_000));
    }

    /** Asserts that {@code other} holds exactly this chain: state, blocks, receipts and time offset. */
    void assertSameChainAs(ChainFixture other) {
        assertThat(other.state.classHashes()).isEqualTo(state.classHashes());
        assertThat(other.state.storage()).isEqualTo(state.storage());
        assertThat(other.state.nonces()).isEqualTo(state.nonces());
        assertThat(other.ledger.blocks()).isEqualTo(ledger.blocks());
        for (Block b : ledger.blocks()) {
            assertThat(other.ledger.receipts(b)).isEqualTo(ledger.receipts(b));
        }
        assertThat(other.timeOffset).isEqualTo(timeOffset);
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}

package io.smainer.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smainer.devnet.chain.Ledger;
import io.smainer.devnet.chain.LegacySnapshotStore;
import io.smainer.devnet.chain.SnapshotStore;
import io.smainer.devnet.state.WorldState;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.StarkCryptos;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A devnet on a data dir: restarts, a crash mid-write, and data dirs written by the format 1 store. */
class DevnetPersistenceTest {
    private static final BigInteger USER = BigInteger.valueOf(0xabcdef);

    @TempDir
    Path dataDir;

    private DevnetConfig config() {
        return DevnetConfig.defaults(dataDir, StarkCryptos.fast()).withAccounts(3).withClock(() -> 1_700_000_000L);
    }

    private long blockNumber(Devnet devnet) {
        return devnet.readLedger(l -> l.latest().number());
    }

    @Test
    void restartContinuesTheChainWithStateTimeAndAccounts() {
        BigInteger created;
        long timestamp;
        try (Devnet devnet = new Devnet(config())) {
            devnet.mint(USER, BigInteger.valueOf(5));
            created = devnet.createAccount(BigInteger.valueOf(0x1234));
            timestamp = devnet.increaseTime(600);
            devnet.mint(USER, BigInteger.valueOf(7));
        }
        assertThat(dataDir.resolve(SnapshotStore.JOURNAL_NAME)).exists();
        try (Devnet devnet = new Devnet(config())) {
            assertThat(blockNumber(devnet)).isEqualTo(2);
            assertThat(devnet.balanceOf(USER)).isEqualTo(12);
            assertThat(devnet.classHashAt(created)).isPresent();
            assertThat(devnet.<Long>readLedger(l -> l.latest().timestamp())).isEqualTo(timestamp);
            assertThat(devnet.mint(USER, BigInteger.ONE).blockNumber()).isEqualTo(3);
        }
        try (Devnet devnet = new Devnet(config())) {
            assertThat(devnet.balanceOf(USER)).isEqualTo(13);
        }
    }

    @Test
    void crashMidWriteLosesOnlyTheBlockBeingWritten() throws IOException {
        try (Devnet devnet = new Devnet(config())) {
            devnet.mint(USER, BigInteger.ONE);
            devnet.mint(USER, BigInteger.TWO);
        }
        Path journal = dataDir.resolve(SnapshotStore.JOURNAL_NAME);
        try (RandomAccessFile raf = new RandomAccessFile(journal.toFile(), "rw")) {
            raf.setLength(raf.length() - 5);
        }
        try (Devnet devnet = new Devnet(config())) {
            assertThat(blockNumber(devnet)).isEqualTo(1);
            assertThat(devnet.balanceOf(USER)).isEqualTo(1);
            devnet.mint(USER, BigInteger.TEN);
        }
        try (Devnet devnet = new Devnet(config())) {
            assertThat(blockNumber(devnet)).isEqualTo(2);
            assertThat(devnet.balanceOf(USER)).isEqualTo(11);
        }
    }

    @Test
    void dataDirOfTheFormatOneStoreOpensAndIsMigrated() throws IOException {
        try (Devnet devnet = new Devnet(config())) {
            devnet.mint(USER, BigInteger.valueOf(3));
            devnet.increaseTime(90);
        }
        // Rewrite the dir as an earlier devnet left it: one format 1 file, no journal.
        WorldState state = new WorldState();
        Ledger ledger = new Ledger();
        SnapshotStore.Snapshot s;
        try (SnapshotStore store = new SnapshotStore(dataDir)) {
            s = store.load(state, ledger).orElseThrow();
        }
        Files.delete(dataDir.resolve(SnapshotStore.JOURNAL_NAME));
        new LegacySnapshotStore(dataDir).save(s.chainId(), s.seedFingerprint(), s.timeOffset(), state, ledger);
        assertThat(s.seedFingerprint()).isEqualTo(Felts.sha256ModP(DevnetConfig.DEFAULT_SEED));

        try (Devnet devnet = new Devnet(config())) {
            assertThat(blockNumber(devnet)).isEqualTo(1);
            assertThat(devnet.balanceOf(USER)).isEqualTo(3);
            devnet.mint(USER, BigInteger.ONE);
        }
        assertThat(new ObjectMapper().readTree(dataDir.resolve(SnapshotStore.FILE_NAME).toFile()).get("format").asText())
                .isEqualTo("smainer-devnet-snapshot/2");
        try (Devnet devnet = new Devnet(config())) {
            assertThat(blockNumber(devnet)).isEqualTo(2);
            assertThat(devnet.balanceOf(USER)).isEqualTo(4);
            assertThat(devnet.increaseTime(0)).isEqualTo(1_700_000_000L + 90);
        }
    }
}

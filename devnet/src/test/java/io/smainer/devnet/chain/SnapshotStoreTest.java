package io.smainer.devnet.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot + journal persistence on real files: restarts, torn tails, corruption, compaction, format 1 dirs. */
class SnapshotStoreTest {
    private static final long NO_COMPACTION = Long.MAX_VALUE;

    @TempDir
    Path tmp;

    @Test
    void chainSurvivesRestartsIncludingClearedSlotsAndTimeOnlyChanges() {
        Path dir = tmp.resolve("data");
        try (ChainFixture first = ChainFixture.open(dir)) {
            for (int i = 0; i < 20; i++) {
                first.mineInvoke();
            }
            first.increaseTime(3_600);
            try (ChainFixture second = reopen(first, dir)) {
                assertThat(second.restored).isPresent();
                assertThat(second.restored.get().chainId()).isEqualTo(ChainFixture.CHAIN_ID);
                assertThat(second.restored.get().seedFingerprint()).isEqualTo(ChainFixture.SEED);
                assertThat(second.state.read(ChainFixture.ESCROW, "tasks[3].amount")).isZero();
                second.mineInvoke();
                second.increaseTime(60);
                try (ChainFixture third = reopen(second, dir)) {
                    assertThat(third.ledger.latest().number()).isEqualTo(21);
                }
            }
        }
        assertThat(dir.resolve(SnapshotStore.JOURNAL_NAME)).exists();
    }

    @Test
    void tornLastRecordIsDroppedWhereverTheCrashCutItAndTheChainGoesOn() throws IOException {
        Path dir = tmp.resolve("data");
        Path before = tmp.resolve("before");
        long goodEnd;
        long fullEnd;
        try (ChainFixture chain = ChainFixture.open(dir, NO_COMPACTION)) {
            for (int i = 0; i < 5; i++) {
                chain.mineInvoke();
            }
            copyDir(dir, before);
            goodEnd = Files.size(journal(dir));
            chain.mineInvoke();
            fullEnd = Files.size(journal(dir));
        }
        assertThat(fullEnd - goodEnd).isGreaterThan(JournalFile.HEADER_BYTES);
        try (ChainFixture expected = ChainFixture.open(before, NO_COMPACTION)) {
            for (long cut = goodEnd + 1; cut < fullEnd; cut++) {
                // Every offset in the header and the payload's first and last bytes, a sample in between.
                boolean edge = cut - goodEnd <= 2 * JournalFile.HEADER_BYTES || fullEnd - cut <= 16;
                if (!edge && (cut - goodEnd) % 13 != 0) {
                    continue;
                }
                Path crashed = tmp.resolve("cut-" + cut);
                copyDir(dir, crashed);
                truncate(journal(crashed), cut);
                try (ChainFixture recovered = ChainFixture.open(crashed, NO_COMPACTION)) {
                    expected.assertSameChainAs(recovered);
                    assertThat(Files.size(journal(crashed))).as("cut at %d", cut).isEqualTo(goodEnd);
                    recovered.mineInvoke();
                    try (ChainFixture again = reopen(recovered, crashed)) {
                        assertThat(again.ledger.latest().number()).isEqualTo(6);
                    }
                }
            }
        }
    }

    @Test
    void zeroFilledOrGarbledLastRecordIsDropped() throws IOException {
        Path dir = tmp.resolve("data");
        long goodEnd;
        try (ChainFixture chain = ChainFixture.open(dir, NO_COMPACTION)) {
            chain.mineInvoke();
            goodEnd = Files.size(journal(dir));
            chain.mineInvoke();
        }
        Path zeroed = tmp.resolve("zeroed");
        copyDir(dir, zeroed);
        long end = Files.size(journal(zeroed));
        truncate(journal(zeroed), goodEnd);
        Files.write(journal(zeroed), new byte[(int) (end - goodEnd)], StandardOpenOption.APPEND);
        try (ChainFixture recovered = ChainFixture.open(zeroed, NO_COMPACTION)) {
            assertThat(recovered.ledger.latest().number()).isEqualTo(1);
        }
        Path garbled = tmp.resolve("garbled");
        copyDir(dir, garbled);
        flipByte(journal(garbled), end - 3);
        try (ChainFixture recovered = ChainFixture.open(garbled, NO_COMPACTION)) {
            assertThat(recovered.ledger.latest().number()).isEqualTo(1);
            assertThat(Files.size(journal(garbled))).isEqualTo(goodEnd);
        }
    }

    @Test
    void corruptionBeforeTheLastRecordIsAnErrorNamingFileOffsetAndFix() throws IOException {
        Path dir = tmp.resolve("data");
        long secondRecord;
        try (ChainFixture chain = ChainFixture.open(dir, NO_COMPACTION)) {
            chain.mineInvoke();
            secondRecord = Files.size(journal(dir));
            chain.mineInvoke();
            chain.mineInvoke();
        }
        flipByte(journal(dir), secondRecord + JournalFile.HEADER_BYTES + 5);
        assertThatThrownBy(() -> ChainFixture.open(dir, NO_COMPACTION))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(journal(dir).toString())
                .hasMessageContaining("corrupt at offset " + secondRecord)
                .hasMessageContaining("payload checksum mismatch")
                .hasMessageContaining("truncate -s " + secondRecord)
                .hasMessageContaining("move the data dir away");
        flipByte(journal(dir), secondRecord + JournalFile.HEADER_BYTES + 5);
        flipByte(journal(dir), secondRecord + 1);
        assertThatThrownBy(() -> ChainFixture.open(dir, NO_COMPACTION))
                .hasMessageContaining("corrupt at offset " + secondRecord)
                .hasMessageContaining("header checksum mismatch");
    }

    @Test
    void compactionKeepsTheJournalShorterThanTheSnapshotAndRestarts() throws IOException {
        Path dir = tmp.resolve("data");
        try (ChainFixture chain = ChainFixture.open(dir, 0)) {
            long maxJournal = 0;
            int compactions = 0;
            for (int i = 0; i < 60; i++) {
                long journalBefore = Files.size(journal(dir));
                chain.mineInvoke();
                long journalAfter = Files.size(journal(dir));
                compactions += journalAfter < journalBefore || journalAfter == 0 ? 1 : 0;
                maxJournal = Math.max(maxJournal, journalAfter);
                assertThat(journalAfter).isLessThanOrEqualTo(Files.size(snapshot(dir)) + 2_000);
            }
            assertThat(compactions).isGreaterThan(2);
            assertThat(maxJournal).isPositive();
            assertThat(new ObjectMapper().readTree(snapshot(dir).toFile()).get("format").asText())
                    .isEqualTo(SnapshotStore.FORMAT);
            try (ChainFixture restarted = reopen(chain, dir)) {
                assertThat(restarted.ledger.latest().number()).isEqualTo(60);
            }
        }
    }

    @Test
    void crashBetweenSnapshotRenameAndJournalResetSkipsTheCoveredRecords() throws IOException {
        Path dir = tmp.resolve("data");
        Path staleJournal = tmp.resolve("stale.log");
        try (ChainFixture chain = ChainFixture.open(dir, 1_000_000)) {
            for (int i = 0; i < 10; i++) {
                chain.mineInvoke();
            }
            Files.copy(journal(dir), staleJournal);
        }
        // Reopen compacting at once: the first save compacts; then put the old records back as if the reset never happened.
        try (ChainFixture chain = ChainFixture.open(dir, 0)) {
            chain.mineInvoke();
            assertThat(Files.size(journal(dir))).isZero();
        }
        Files.copy(staleJournal, journal(dir), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (ChainFixture chain = ChainFixture.open(dir, 1_000_000)) {
            assertThat(chain.ledger.latest().number()).isEqualTo(11);
            chain.mineInvoke();
            chain.mineInvoke();
            try (ChainFixture restarted = reopen(chain, dir)) {
                assertThat(restarted.ledger.latest().number()).isEqualTo(13);
            }
        }
    }

    @Test
    void formatOneSnapshotLoadsAndBecomesFormatTwoAtTheFirstSave() throws IOException {
        Path dir = tmp.resolve("data");
        Path legacyDir = tmp.resolve("legacy");
        try (ChainFixture chain = ChainFixture.open(dir, NO_COMPACTION)) {
            for (int i = 0; i < 8; i++) {
                chain.mineInvoke();
            }
            chain.increaseTime(77);
            new LegacySnapshotStore(legacyDir).save(ChainFixture.CHAIN_ID, ChainFixture.SEED, chain.timeOffset,
                    chain.state, chain.ledger);
            try (ChainFixture migrated = ChainFixture.open(legacyDir, NO_COMPACTION)) {
                chain.assertSameChainAs(migrated);
                assertThat(formatOf(legacyDir)).isEqualTo(LegacySnapshotStore.FORMAT);
                migrated.mineInvoke();
                assertThat(formatOf(legacyDir)).isEqualTo(SnapshotStore.FORMAT);
                migrated.mineInvoke();
                assertThat(Files.size(journal(legacyDir))).isPositive();
                try (ChainFixture restarted = reopen(migrated, legacyDir)) {
                    assertThat(restarted.ledger.latest().number()).isEqualTo(10);
                }
            }
        }
    }

    @Test
    void journalWithoutSnapshotIsAnError() throws IOException {
        Path dir = tmp.resolve("data");
        try (ChainFixture chain = ChainFixture.open(dir)) {
            chain.mineInvoke();
        }
        Files.delete(snapshot(dir));
        assertThatThrownBy(() -> ChainFixture.open(dir))
                .hasMessageContaining(journal(dir).toString())
                .hasMessageContaining("without its snapshot");
    }

    /** Reopens {@code dir} and asserts it holds what {@code live} holds. */
    private static ChainFixture reopen(ChainFixture live, Path dir) {
        ChainFixture reopened = ChainFixture.open(dir);
        live.assertSameChainAs(reopened);
        return reopened;
    }

    private static String formatOf(Path dir) throws IOException {
        return new ObjectMapper().readTree(snapshot(dir).toFile()).get("format").asText();
    }

    private static Path journal(Path dir) {
        return dir.resolve(SnapshotStore.JOURNAL_NAME);
    }

    private static Path snapshot(Path dir) {
        return dir.resolve(SnapshotStore.FILE_NAME);
    }

    private static void copyDir(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : new String[] {SnapshotStore.FILE_NAME, SnapshotStore.JOURNAL_NAME}) {
            if (Files.exists(from.resolve(name))) {
                Files.copy(from.resolve(name), to.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x5a);
        }
    }
}

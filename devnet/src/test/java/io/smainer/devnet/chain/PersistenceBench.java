package io.smainer.devnet.chain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Per-block persist time of the format 1 store (whole file rewritten per block) and the journal
 * store, fed the same chain block by block (interleaved, so machine noise hits both). Reports the
 * first and the last window of blocks. Run (docs/devnet.md, "Persistence"):
 * {@code mvn -B -o -q -pl devnet test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.smainer.devnet.chain.PersistenceBench -Dexec.args="2000 200"}; a third argument
 * sets the journal store's compaction minimum in bytes (default {@link SnapshotStore#DEFAULT_COMPACT_MIN_BYTES}).
 * Works in a temp dir it deletes. Not a test: timings assert nothing.
 */
public final class PersistenceBench {
    private PersistenceBench() {
    }

    public static void main(String[] args) throws IOException {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long compactMin = args.length > 2 ? Long.parseLong(args[2]) : SnapshotStore.DEFAULT_COMPACT_MIN_BYTES;
        Path root = Files.createTempDirectory("devnet-persist-bench");
        long[] legacyNanos = new long[blocks];
        long[] journalNanos = new long[blocks];
        ChainFixture legacyChain = ChainFixture.inMemory();
        LegacySnapshotStore legacy = new LegacySnapshotStore(root.resolve("legacy"));
        legacy.save(ChainFixture.CHAIN_ID, ChainFixture.SEED, 0, legacyChain.state, legacyChain.ledger);
        try (ChainFixture journalChain = ChainFixture.open(root.resolve("journal"), compactMin)) {
            for (int i = 0; i < blocks; i++) {
                legacyChain.mine();
                long t0 = System.nanoTime();
                legacy.save(ChainFixture.CHAIN_ID, ChainFixture.SEED, 0, legacyChain.state, legacyChain.ledger);
                legacyNanos[i] = System.nanoTime() - t0;
                journalChain.mine();
                long t1 = System.nanoTime();
                journalChain.save();
                journalNanos[i] = System.nanoTime() - t1;
            }
        }
        System.out.printf("%d blocks, window %d, compaction minimum %d B, dir %s%n", blocks, window, compactMin, root);
        System.out.printf("%-24s %10s %10s %10s %10s%n", "store / blocks", "mean ms", "p50 ms", "p99 ms", "max ms");
        report("format 1", legacyNanos, window);
        report("journal", journalNanos, window);
        System.out.printf("total ms: format 1 %.0f, journal %.0f%n", sum(legacyNanos) / 1e6, sum(journalNanos) / 1e6);
        System.out.printf("on disk: format 1 %s; journal %s%n", sizes(root.resolve("legacy")), sizes(root.resolve("journal")));
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void report(String store, long[] nanos, int window) {
        int w = Math.min(window, nanos.length);
        row(store + " 1.." + w, Arrays.copyOfRange(nanos, 0, w));
        row(store + " " + (nanos.length - w + 1) + ".." + nanos.length, Arrays.copyOfRange(nanos, nanos.length - w, nanos.length));
    }

    private static void row(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-24s %10.3f %10.3f %10.3f %10.3f%n", label, sum(nanos) / 1e6 / nanos.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static long sum(long[] nanos) {
        return Arrays.stream(nanos).sum();
    }

    private static String sizes(Path dir) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                out.append(f.getFileName()).append(' ').append(Files.size(f)).append(" B ");
            }
        }
        return out.toString().trim();
    }
}

package io.smainer.relayer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.smainer.protocol.api.TaskStatus;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTaskStoreTest {
    private static final String SECRET_PROMPT = "PROMPT-ZQX-do-not-keep-";
    private static final String SECRET_RESULT = "RESULT-KPW-do-not-keep-";

    @TempDir
    Path dir;

    static NewTask task(String id, String prompt, BigInteger chainId) {
        byte[] payload = ("{\"prompt\":\"" + prompt + "\",\"type\":\"ai_inference\"}").getBytes(StandardCharsets.UTF_8);
        return new NewTask(id, 1000, payload, "0xabc", "{}", BigInteger.TEN, chainId, "d", null, "{}",
                "http://127.0.0.1:1/cb", null);
    }

    @Test
    void finishDropsPayloadAndExpiredResultsFromEveryFileOfTheStore() throws IOException {
        String bigPrompt = SECRET_PROMPT + "x".repeat(20_000); // spills into overflow pages
        try (SqliteTaskStore store = SqliteTaskStore.open(dir, 60_000)) {
            for (int i = 0; i < 50; i++) {
                store.insert(task("t" + i, SECRET_PROMPT + i + (i == 0 ? bigPrompt : ""), null)).join();
                store.markAssigned("t" + i, "node-1", 1, 2000, null).join();
            }
            assertThat(store.payload("t3")).isPresent();
            assertThat(grep(SECRET_PROMPT)).as("payload is on disk while the task runs").isTrue();
            for (int i = 0; i < 50; i++) {
                byte[] result = ("{\"out\":\"" + SECRET_RESULT + i + "\"}").getBytes(StandardCharsets.UTF_8);
                assertThat(store.finish(new FinalOutcome("t" + i, TaskStatus.COMPLETED, 3000, "node-1", result, "0x1",
                        null, 1.0, "ev" + i, false, 5000L)).join()).isTrue();
            }
            store.compactNow().join();
            assertThat(store.payload("t3")).isEmpty();
            assertThat(grep(SECRET_PROMPT)).as("payload bytes left in the store files").isFalse();
            assertThat(grep(SECRET_RESULT)).as("result is kept for polling until its TTL").isTrue();

            assertThat(store.dropExpiredResults(5000).join()).isEqualTo(50);
            store.compactNow().join();
            assertThat(grep(SECRET_RESULT)).as("result bytes left in the store files").isFalse();
            assertThat(store.find("t7").orElseThrow().resultHash()).isEqualTo("0x1");
        }
    }

    @Test
    void theCheckpointThreadTruncatesDropsOutOfTheWalWithoutCompactNow() throws IOException {
        try (SqliteTaskStore store = SqliteTaskStore.open(dir, 0)) {
            store.insert(task("t1", SECRET_PROMPT + "bg", null)).join();
            store.markAssigned("t1", "node-1", 1, 2000, null).join();
            assertThat(grep(SECRET_PROMPT)).as("payload is on disk while the task runs").isTrue();
            assertThat(store.finish(new FinalOutcome("t1", TaskStatus.FAILED, 3000, "node-1", null, null,
                    "boom", null, "ev1", false, 5000L)).join()).isTrue();
            // WalCheckpointer, not the writer, truncates after drops: wait for it (a generous bound, no timing claim).
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(grep(SECRET_PROMPT)).as("payload bytes left in the store files").isFalse());
        }
    }

    @Test
    void finishIsOnceOnlyAndEscrowIdsAreUnique() {
        try (SqliteTaskStore store = SqliteTaskStore.open(dir, 1000)) {
            store.insert(task("a", "p", BigInteger.valueOf(42))).join();
            assertThatThrownBy(() -> store.insert(task("b", "p", BigInteger.valueOf(42))).join())
                    .isInstanceOf(CompletionException.class).hasCauseInstanceOf(DuplicateEscrowException.class);
            FinalOutcome done = new FinalOutcome("a", TaskStatus.COMPLETED, 3, "n", new byte[] {'1'}, "0x1", null, 1.0,
                    "ev-a", true, null);
            assertThat(store.finish(done).join()).isTrue();
            assertThat(store.finish(done).join()).isFalse();
            assertThat(store.openCallbacks()).extracting(CallbackEvent::eventId).containsExactly("ev-a");
            assertThat(store.find("b")).isEmpty();
        }
    }

    @Test
    void stateSurvivesReopenAndAuthReplaysAreRefused() {
        try (SqliteTaskStore store = SqliteTaskStore.open(dir, 1000)) {
            store.insert(task("a", "p", null)).join();
            store.insert(task("b", "p", null)).join();
            store.markAssigned("a", "n1", 1, 5, new CallbackEvent("as-1", "a", CallbackEvent.Kind.ASSIGNED,
                    CallbackEvent.State.PENDING, 0, 5)).join();
            assertThat(store.rememberAuth("n1", "ts", Long.MAX_VALUE).join()).isTrue();
        }
        try (SqliteTaskStore store = SqliteTaskStore.open(dir, 1000)) {
            assertThat(store.unfinished()).extracting(TaskRecord::taskId).containsExactly("a", "b");
            assertThat(store.find("a").orElseThrow().status()).isEqualTo(TaskStatus.ASSIGNED);
            assertThat(store.openCallbacks()).extracting(CallbackEvent::eventId).containsExactly("as-1");
            assertThat(store.rememberAuth("n1", "ts", Long.MAX_VALUE).join()).isFalse();
            assertThat(store.page(null, 0, 10)).hasSize(2);
            assertThat(store.page(TaskStatus.PENDING, 0, 10)).extracting(TaskRecord::taskId).containsExactly("b");
            assertThat(store.countByStatus()).containsEntry(TaskStatus.PENDING, 1L).containsEntry(TaskStatus.ASSIGNED, 1L);
        }
    }

    private boolean grep(String needle) throws IOException {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (indexOf(Files.readAllBytes(f), n) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static List<String> names(List<TaskRecord> records) {
        return records.stream().map(TaskRecord::taskId).toList();
    }
}

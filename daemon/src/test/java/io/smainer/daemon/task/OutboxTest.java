package io.smainer.daemon.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real files: what is put survives a reopen (a restart), acks and sweeps remove it. */
class OutboxTest {
    @TempDir
    Path tmp;

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private long files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".result.json")).count();
        }
    }

    @Test
    void entriesAreOwnerOnlyFilesThatSurviveARestart() throws Exception {
        Path dir = tmp.resolve("outbox");
        Outbox o = Outbox.open(dir, Clock.systemUTC());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        o.put("task-1", "ev-1", "task_completed", "{\"frame\":1}");
        o.put("task-2", "ev-2", "task_failed", "{\"frame\":2}");
        Path f = o.file("task-1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(files(dir)).isEqualTo(2);

        Outbox reopened = Outbox.open(dir, Clock.systemUTC());
        assertThat(reopened.depth()).isEqualTo(2);
        assertThat(reopened.findByTask("task-1")).get().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo("ev-1");
            assertThat(e.frame()).isEqualTo("{\"frame\":1}");
        });
        assertThat(reopened.pending()).extracting(OutboxEntry::taskId).containsExactly("task-1", "task-2");
        assertThat(reopened.acknowledge("ev-1")).isTrue();
        assertThat(reopened.acknowledge("ev-1")).isFalse();
        assertThat(reopened.acknowledge("someone-elses")).isFalse();
        assertThat(Files.exists(f)).isFalse();
        assertThat(Outbox.open(dir, Clock.systemUTC()).depth()).isEqualTo(1);
    }

    @Test
    void halfWrittenAndCorruptFilesDoNotBreakStartup() throws Exception {
        Path dir = tmp.resolve("outbox");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("abc.result.json.tmp"), "{\"task_id\":");
        Files.writeString(dir.resolve("def.result.json"), "not json");
        Outbox o = Outbox.open(dir, Clock.systemUTC());
        assertThat(o.depth()).isZero();
        assertThat(Files.exists(dir.resolve("abc.result.json.tmp"))).isFalse();
        assertThat(Files.exists(dir.resolve("def.result.json.corrupt"))).isTrue();
    }

    @Test
    void sameTaskReplacesItsEntry() throws Exception {
        Outbox o = Outbox.open(tmp.resolve("outbox"), Clock.systemUTC());
        o.put("task-1", "ev-1", "task_failed", "a");
        o.put("task-1", "ev-2", "task_completed", "b");
        assertThat(o.depth()).isEqualTo(1);
        assertThat(o.findByTask("task-1")).get().extracting(OutboxEntry::eventId).isEqualTo("ev-2");
        assertThat(Outbox.open(tmp.resolve("outbox"), Clock.systemUTC()).depth()).isEqualTo(1);
    }

    @Test
    void retentionAndNoAckGraceBoundWhatIsKept() throws Exception {
        MutableClock clock = new MutableClock();
        Outbox o = Outbox.open(tmp.resolve("outbox"), clock);
        o.put("old", "ev-old", "task_completed", "x");
        clock.now = clock.now.plusSeconds(50);
        o.put("sent", "ev-sent", "task_completed", "y");
        o.put("unsent", "ev-unsent", "task_completed", "z");
        o.markSent("ev-sent");
        Duration retention = Duration.ofSeconds(60);
        Duration grace = Duration.ofSeconds(30);

        assertThat(o.sweep(retention, grace, true)).isZero();
        clock.now = clock.now.plusSeconds(30);
        assertThat(o.sweep(retention, grace, true)).as("relayer acks: only retention applies").isEqualTo(1);
        assertThat(o.findByTask("old")).isEmpty();
        assertThat(o.sweep(retention, grace, false)).as("no acks: sent + grace is dropped").isEqualTo(1);
        assertThat(o.findByTask("sent")).isEmpty();
        assertThat(o.findByTask("unsent")).as("never sent stays").isPresent();
        assertThat(o.allSent()).isFalse();
        assertThat(files(tmp.resolve("outbox"))).isEqualTo(1);
    }
}

package io.smainer.daemon.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable outbox: one 0600 file per result under {@code <state-dir>/outbox}, written and fsynced
 * (file and directory) <em>before</em> the frame is sent, removed when the relayer acks its event id,
 * when it is older than the retention, or — against a relayer without {@code result_ack} — a grace
 * period after a successful send. Survives crashes: {@link #open} reloads what is on disk.
 */
public final class Outbox {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final String SUFFIX = ".result.json";

    private final Path dir;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, OutboxEntry> byEventId = new ConcurrentHashMap<>();
    private final Map<String, Instant> sentAt = new ConcurrentHashMap<>();

    private Outbox(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** Creates the directory (0700) when missing and loads every entry left by a previous run. */
    public static Outbox open(Path dir, Clock clock) {
        Outbox o = new Outbox(dir, clock);
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".tmp")) {
                        Files.deleteIfExists(f); // a write that never reached its fsync+rename
                    } else if (name.endsWith(SUFFIX)) {
                        o.load(f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the outbox " + dir + ": check that the state dir is writable", e);
        }
        if (!o.byEventId.isEmpty()) {
            log.info("outbox: {} unacknowledged result(s) from a previous run will be resent", o.byEventId.size());
        }
        return o;
    }

    private void load(Path f) throws IOException {
        try {
            JsonNode n = json.readTree(f.toFile());
            OutboxEntry e = new OutboxEntry(n.get("task_id").asText(), n.get("event_id").asText(),
                    n.get("event_type").asText(), Instant.parse(n.get("created_at").asText()), n.get("frame").asText());
            byEventId.put(e.eventId(), e);
        } catch (IOException | RuntimeException e) {
            Path bad = f.resolveSibling(f.getFileName() + ".corrupt");
            Files.move(f, bad, StandardCopyOption.REPLACE_EXISTING);
            log.warn("outbox: unreadable entry moved aside to {} ({})", bad, e.getClass().getSimpleName());
        }
    }

    /** Writes the entry durably; returns only after file and directory are fsynced. */
    public OutboxEntry put(String taskId, String eventId, String eventType, String frame) {
        OutboxEntry e = new OutboxEntry(taskId, eventId, eventType, clock.instant(), frame);
        ObjectNode n = json.createObjectNode();
        n.put("task_id", taskId).put("event_id", eventId).put("event_type", eventType)
                .put("created_at", e.createdAt().toString()).put("frame", frame);
        Path target = file(taskId);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(json.writeValueAsString(n).getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException x) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            }
        } catch (IOException x) {
            throw new UncheckedIOException("cannot write the outbox entry of task " + taskId + " under " + dir
                    + ": check free space and permissions of the state dir", x);
        }
        byEventId.values().removeIf(old -> old.taskId().equals(taskId));
        byEventId.put(eventId, e);
        return e;
    }

    /** The relayer acknowledged {@code eventId}: forget the entry. False when it is not ours. */
    public boolean acknowledge(String eventId) {
        OutboxEntry e = byEventId.remove(eventId);
        if (e == null) {
            return false;
        }
        sentAt.remove(eventId);
        delete(e);
        return true;
    }

    /** Records a successful write to the socket (for the no-{@code result_ack} grace period). */
    public void markSent(String eventId) {
        if (byEventId.containsKey(eventId)) {
            sentAt.putIfAbsent(eventId, clock.instant());
        }
    }

    public Optional<OutboxEntry> findByTask(String taskId) {
        return byEventId.values().stream().filter(e -> e.taskId().equals(taskId)).findFirst();
    }

    /** Unacknowledged entries, oldest first. */
    public List<OutboxEntry> pending() {
        List<OutboxEntry> l = new ArrayList<>(byEventId.values());
        l.sort(Comparator.comparing(OutboxEntry::createdAt));
        return l;
    }

    /** Whether every pending entry was written to a socket at least once. */
    public boolean allSent() {
        return byEventId.keySet().stream().allMatch(sentAt::containsKey);
    }

    public int depth() {
        return byEventId.size();
    }

    /**
     * Drops entries past {@code retention}, and — when the relayer does not ack results — entries sent
     * at least {@code grace} ago. Returns how many were dropped.
     */
    public int sweep(Duration retention, Duration grace, boolean relayerAcksResults) {
        Instant now = clock.instant();
        int dropped = 0;
        for (OutboxEntry e : pending()) {
            Instant sent = sentAt.get(e.eventId());
            boolean expired = e.createdAt().plus(retention).isBefore(now);
            boolean graceOver = !relayerAcksResults && sent != null && !sent.plus(grace).isAfter(now);
            if ((expired || graceOver) && byEventId.remove(e.eventId()) != null) {
                sentAt.remove(e.eventId());
                delete(e);
                dropped++;
                if (expired) {
                    log.warn("outbox: dropped the result of task {} unacknowledged after the retention of {}", e.taskId(), retention);
                } else {
                    log.info("outbox: dropped the result of task {}: sent {} ago to a relayer that does not ack results",
                            e.taskId(), grace);
                }
            }
        }
        return dropped;
    }

    private void delete(OutboxEntry e) {
        try {
            Files.deleteIfExists(file(e.taskId()));
        } catch (IOException x) {
            log.warn("outbox: cannot delete the entry of task {} ({}); it will be resent and deduplicated",
                    e.taskId(), x.getClass().getSimpleName());
        }
    }

    /** File names are a hash of the task id: task ids are relayer-chosen text. */
    Path file(String taskId) {
        byte[] h = HashRunner.sha256Hex(taskId.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        return dir.resolve(new String(h, 0, 32, StandardCharsets.US_ASCII) + SUFFIX);
    }
}

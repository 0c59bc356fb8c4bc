package io.smainer.devnet.chain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of checksummed records, each fsynced before {@link #append} returns. Record
 * layout (big-endian): payload length (int32), CRC32C of the payload (int32), CRC32C of those first
 * 8 bytes (int32), payload. The header checksum makes a length trustworthy, so a record that runs
 * past the end of the file, or a bad last record, can only be a write a crash interrupted (never
 * acknowledged): {@link #readAndRepair} drops it. A bad record with data after it is corruption.
 */
final class JournalFile implements AutoCloseable {
    static final int HEADER_BYTES = 12;
    static final int MAX_RECORD_BYTES = 64 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(JournalFile.class);

    private final Path file;
    private FileChannel channel;
    private long size;

    /** A record and the file offset of its header. */
    record Entry(long offset, byte[] payload) {}

    JournalFile(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    /** Reads every intact record; drops a torn last record (truncating the file there); fails on corruption. */
    List<Entry> readAndRepair() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        byte[] bytes = Files.readAllBytes(file);
        List<Entry> entries = new ArrayList<>();
        long validEnd = scan(bytes, entries);
        open();
        if (validEnd < bytes.length) {
            LOG.warn("devnet journal {}: dropped a torn last record ({} bytes at offset {}); a crash interrupted its "
                    + "write, so it was never acknowledged", file, bytes.length - validEnd, validEnd);
            channel.truncate(validEnd);
            channel.force(true);
        }
        size = validEnd;
        return entries;
    }

    /** Appends one record and fsyncs it; on failure the file is cut back to its previous end where possible. */
    void append(byte[] payload) throws IOException {
        if (payload.length > MAX_RECORD_BYTES) {
            throw new IOException("journal record of " + payload.length + " bytes exceeds " + MAX_RECORD_BYTES);
        }
        open();
        ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        buf.putInt(payload.length).putInt(crc(payload, 0, payload.length));
        buf.putInt(crc(buf.array(), 0, 8)).put(payload).flip();
        try {
            long at = size;
            while (buf.hasRemaining()) {
                at += channel.write(buf, at);
            }
            // fdatasync: flushes the data and the new length (what reading it back needs), not the mtime.
            channel.force(false);
            size = at;
        } catch (IOException e) {
            try {
                channel.truncate(size);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Empties the journal (after a compaction made its records redundant), creating it if needed. */
    void reset() throws IOException {
        open();
        channel.truncate(0);
        channel.force(true);
        size = 0;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    private void open() throws IOException {
        if (channel != null) {
            return;
        }
        boolean existed = Files.exists(file);
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        size = channel.size();
        if (!existed) {
            DurableFiles.syncDirectory(file.toAbsolutePath().getParent());
        }
    }

    /** Adds the intact records of {@code bytes} to {@code out}; returns where the intact prefix ends. */
    long scan(byte[] bytes, List<Entry> out) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int pos = 0;
        while (pos < bytes.length) {
            if (bytes.length - pos < HEADER_BYTES) {
                return pos; // torn header
            }
            int length = buf.getInt(pos);
            if (crc(bytes, pos, 8) != buf.getInt(pos + 8)) {
                if (allZero(bytes, pos)) {
                    return pos; // the file grew but the crash came before the data reached the disk
                }
                throw corrupt(pos, out.size(), "header checksum mismatch");
            }
            if (length < 0 || length > MAX_RECORD_BYTES) {
                throw corrupt(pos, out.size(), "record length " + length + " out of range");
            }
            long end = (long) pos + HEADER_BYTES + length;
            if (end > bytes.length) {
                return pos; // torn payload
            }
            if (crc(bytes, pos + HEADER_BYTES, length) != buf.getInt(pos + 4)) {
                if (end == bytes.length) {
                    return pos; // torn last payload
                }
                throw corrupt(pos, out.size(), "payload checksum mismatch");
            }
            out.add(new Entry(pos, Arrays.copyOfRange(bytes, pos + HEADER_BYTES, (int) end)));
            pos = (int) end;
        }
        return pos;
    }

    IllegalStateException corrupt(long offset, int index, String why) {
        return new IllegalStateException("devnet journal " + file + " is corrupt at offset " + offset + " (record #"
                + index + ": " + why + "); the records before that offset are intact. To keep them, cut the file there "
                + "(truncate -s " + offset + " " + file + ") and restart, losing the blocks after it; or move the data dir "
                + "away to start a fresh chain");
    }

    private static boolean allZero(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}

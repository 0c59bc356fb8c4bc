package io.smainer.sandbox.cgroup;

import io.smainer.sandbox.SandboxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Applies {@link CgroupOp}s to a cgroup filesystem and reads control files. Errors name the file,
 * the value, the user the daemon runs as and the config key that points at the hierarchy.
 */
public class CgroupFs {

    /** Config key naming the cgroup parent, quoted in errors. */
    public static final String CONFIG_KEY = "SMAINER_SANDBOX_CGROUP_PARENT";

    public void apply(List<CgroupOp> ops) throws SandboxException {
        for (CgroupOp op : ops) {
            apply(op);
        }
    }

    public void apply(CgroupOp op) throws SandboxException {
        try {
            if (op instanceof CgroupOp.MakeDir m) {
                makeDir(m.path());
            } else if (op instanceof CgroupOp.WriteFile w) {
                write(w.path(), w.value());
            } else if (op instanceof CgroupOp.WriteIfPresent w) {
                if (Files.exists(w.path())) {
                    write(w.path(), w.value());
                }
            } else if (op instanceof CgroupOp.RemoveDir r) {
                removeDir(r.path());
            } else {
                throw new IllegalStateException("unknown cgroup op " + op);
            }
        } catch (FileAlreadyExistsException e) {
            throw new SandboxException("cgroup: " + op.path() + " already exists (a task id reused or a leftover"
                    + " from a crash; the daemon reaps leftovers at start)", e);
        } catch (IOException e) {
            throw new SandboxException("cgroup: " + describe(op) + " failed as user " + System.getProperty("user.name")
                    + ": " + e + ". Fix: run the daemon as root or delegate this subtree to its user, and check "
                    + CONFIG_KEY, e);
        }
    }

    private static String describe(CgroupOp op) {
        if (op instanceof CgroupOp.WriteFile w) {
            return "write '" + w.value() + "' to " + w.path();
        }
        if (op instanceof CgroupOp.WriteIfPresent w) {
            return "write '" + w.value() + "' to " + w.path();
        }
        return op.getClass().getSimpleName() + " " + op.path();
    }

    /** On cgroupfs, mkdir also creates the control files. */
    protected void makeDir(Path dir) throws IOException {
        Files.createDirectory(dir);
    }

    protected void write(Path file, String value) throws IOException {
        Files.write(file, value.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** cgroupfs directories hold virtual files and are removed with a plain rmdir. */
    protected void removeDir(Path dir) throws IOException {
        try {
            Files.delete(dir);
        } catch (NoSuchFileException e) {
            // already gone: destroy is idempotent
        }
    }

    /** A control file's content, or null when the kernel does not offer it. */
    public String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code key value} lines (memory.events, pids.events, cpu.stat, memory.oom_control): the value of key, or -1. */
    public long readKeyed(Path file, String key) {
        String text = read(file);
        if (text == null) {
            return -1;
        }
        for (String line : text.split("\n")) {
            String[] kv = line.trim().split("\\s+");
            if (kv.length == 2 && kv[0].equals(key)) {
                return parseLong(kv[1]);
            }
        }
        return -1;
    }

    /** A single-number file, or -1 when absent or {@code max}. */
    public long readLong(Path file) {
        String text = read(file);
        return text == null ? -1 : parseLong(text);
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public List<Integer> pids(Path procsFile) {
        String text = read(procsFile);
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return text.lines().map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    public boolean exists(Path path) {
        return Files.exists(path);
    }
}

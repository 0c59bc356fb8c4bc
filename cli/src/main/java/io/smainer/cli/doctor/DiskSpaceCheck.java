package io.smainer.cli.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Free space where the daemon keeps its state (outbox, status file): under 1 GiB FAIL, under 5 GiB WARN. */
public final class DiskSpaceCheck implements DoctorCheck {
    static final long GIB = 1L << 30;

    /** Usable bytes of the file system holding a path; tests pass their own. */
    @FunctionalInterface
    public interface UsableSpace {
        long of(Path existing) throws IOException;
    }

    private final UsableSpace space;

    public DiskSpaceCheck(UsableSpace space) {
        this.space = space;
    }

    public static DiskSpaceCheck system() {
        return new DiskSpaceCheck(p -> Files.getFileStore(p).getUsableSpace());
    }

    @Override
    public String name() {
        return "disk";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        Path dir = ctx.stateDir().toAbsolutePath();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return CheckResult.fail(name(), "state dir " + dir + " has no existing parent", "set state_dir to an absolute path");
        }
        long free;
        try {
            free = space.of(existing);
        } catch (IOException e) {
            return CheckResult.fail(name(), "cannot read free space of " + existing + ": " + e.getMessage(),
                    "check that " + existing + " is mounted and readable");
        }
        String facts = String.format("%.1f GiB free for state dir %s%s", free / (double) GIB, dir,
                existing.equals(dir) ? "" : " (not created yet; measured at " + existing + ")");
        if (free < GIB) {
            return CheckResult.fail(name(), facts + ", below 1 GiB: the outbox cannot keep results safely",
                    "free space on the file system of " + existing + " (or set state_dir elsewhere)");
        }
        if (free < 5 * GIB) {
            return CheckResult.warn(name(), facts + ", below 5 GiB", "free space on the file system of " + existing);
        }
        return CheckResult.pass(name(), facts);
    }
}

package io.smainer.sandbox.ns;

import java.nio.file.Path;
import java.util.List;

/** One step of assembling the task's root; rendered as launcher options (must match smainer-launch.c). */
public sealed interface MountOp {

    List<String> args();

    /** Host path bound read-only, nosuid, nodev at the same place inside. */
    record ReadOnlyBind(Path source, Path target) implements MountOp {
        public List<String> args() {
            return List.of("--ro-bind", source.toString(), target.toString());
        }
    }

    /** A device node bound read-write, nosuid, noexec (/dev/null, /dev/nvidia0, ...). */
    record DeviceBind(Path source, Path target) implements MountOp {
        public List<String> args() {
            return List.of("--dev-bind", source.toString(), target.toString());
        }
    }

    record Symlink(String linkTarget, Path link) implements MountOp {
        public List<String> args() {
            return List.of("--symlink", linkTarget, link.toString());
        }
    }

    /** The task's private writable dir: tmpfs, size-capped, nosuid, nodev, noexec, owned by the task user. */
    record Tmpfs(Path target, long sizeBytes) implements MountOp {
        public List<String> args() {
            return List.of("--tmpfs", target.toString(), Long.toString(sizeBytes));
        }
    }

    /** An empty directory in the task's root, e.g. the mount point of a work dir mounted later. */
    record Dir(Path target) implements MountOp {
        public List<String> args() {
            return List.of("--dir", target.toString());
        }
    }

    /** A proc of the task's own pid namespace. */
    record Proc(Path target) implements MountOp {
        public List<String> args() {
            return List.of("--proc", target.toString());
        }
    }
}

package io.smainer.sandbox.cgroup;

import java.nio.file.Path;

/** One privileged cgroupfs step, computed by a driver and applied by {@link CgroupFs}. */
public sealed interface CgroupOp {

    Path path();

    /** {@code mkdir}; an existing directory is an error (task cgroups are never shared). */
    record MakeDir(Path path) implements CgroupOp {
    }

    /** Write one value into a control file, e.g. {@code memory.max}. */
    record WriteFile(Path path, String value) implements CgroupOp {
    }

    /** Write only when the kernel offers the file (e.g. {@code memory.memsw.limit_in_bytes} needs swap accounting). */
    record WriteIfPresent(Path path, String value) implements CgroupOp {
    }

    /** {@code rmdir} of an empty cgroup. */
    record RemoveDir(Path path) implements CgroupOp {
    }
}

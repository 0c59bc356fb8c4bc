package io.smainer.sandbox.cgroup;

import java.nio.file.Path;
import java.util.Set;

/** One line of {@code /proc/self/mountinfo}: where, which filesystem type, its super options. */
public record MountEntry(Path mountPoint, String fsType, Set<String> superOptions) {
}

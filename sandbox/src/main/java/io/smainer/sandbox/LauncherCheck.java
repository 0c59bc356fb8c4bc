package io.smainer.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Set;

/**
 * The launcher runs as root with the task's cgroup paths: a replaced binary would be a root backdoor.
 * Checks it is a regular, executable file owned by root and not writable by group or others.
 */
public final class LauncherCheck {
    private LauncherCheck() {
    }

    /** Null when fine, else what is wrong and how to fix it. */
    public static String problem(Path launcher) {
        try {
            if (launcher == null || !Files.isRegularFile(launcher, LinkOption.NOFOLLOW_LINKS)) {
                return "launcher " + launcher + " is missing or not a regular file; install lib/smainer-launch or set "
                        + SandboxConfig.KEY_LAUNCHER;
            }
            PosixFileAttributes a = Files.readAttributes(launcher, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> p = a.permissions();
            if (!p.contains(PosixFilePermission.OWNER_EXECUTE)) {
                return "launcher " + launcher + " is not executable; chmod 0755 it";
            }
            if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
                return "launcher " + launcher + " is group/world-writable (" + java.nio.file.attribute.PosixFilePermissions
                        .toString(p) + "); chmod 0755 and chown root:root it";
            }
            if (!a.owner().getName().equals("root")) {
                return "launcher " + launcher + " is owned by " + a.owner().getName() + ", not root; chown root:root it";
            }
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            return "launcher " + launcher + " cannot be inspected: " + e;
        }
    }

    public static void verify(Path launcher) throws SandboxException {
        String problem = problem(launcher);
        if (problem != null) {
            throw new SandboxException(problem);
        }
    }
}

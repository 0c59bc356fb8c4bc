package io.smainer.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The uid:gid sandboxed tasks run as. {@code auto} picks the {@code smainer-task} system user when
 * {@code /etc/passwd} has one (its primary group), else nobody:nogroup (65534:65534). The daemon runs tasks as
 * this user and the CLI's doctor probes with it, so both resolve it here.
 */
public record TaskUser(int uid, int gid) {
    public static final String DEDICATED_USER = "smainer-task";
    public static final int NOBODY = 65534;

    /**
     * @param uid    configured uid, null for auto
     * @param gid    configured gid, null for auto
     * @param passwd normally {@code /etc/passwd}
     */
    public static TaskUser resolve(Integer uid, Integer gid, Path passwd) {
        int[] dedicated = lookup(passwd);
        int autoUid = dedicated == null ? NOBODY : dedicated[0];
        int autoGid = dedicated == null ? NOBODY : dedicated[1];
        return new TaskUser(uid != null ? uid : autoUid, gid != null ? gid : autoGid);
    }

    private static int[] lookup(Path passwd) {
        try {
            for (String line : Files.readAllLines(passwd)) {
                String[] f = line.split(":");
                if (f.length >= 4 && f[0].equals(DEDICATED_USER)) {
                    int u = Integer.parseInt(f[2]);
                    int g = Integer.parseInt(f[3]);
                    return u > 0 && g > 0 ? new int[] {u, g} : null;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}

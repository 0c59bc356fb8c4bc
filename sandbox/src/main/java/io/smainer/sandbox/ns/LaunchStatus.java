package io.smainer.sandbox.ns;

/**
 * The launcher's report on the status pipe (protocol in smainer-launch.c): whether the task's execve
 * happened, the setup stage and errno that failed otherwise, work-dir usage, and how the task ended.
 */
public final class LaunchStatus {
    private boolean execed;
    private String errorStage;
    private int errorErrno;
    private long workDirUsed = -1;
    private long workDirSize = -1;
    private int exitCode = -1;
    private int signal;

    /** Applies one line; unknown lines are ignored so an older daemon tolerates a newer launcher. */
    public void accept(String line) {
        String[] f = line.trim().split(" ");
        switch (f[0]) {
            case "exec" -> execed = true;
            case "error" -> {
                errorStage = f.length > 1 ? f[1] : "unknown";
                errorErrno = f.length > 2 ? parse(f[2]) : 0;
            }
            case "workdir" -> {
                workDirUsed = f.length > 1 ? parseLong(f[1]) : -1;
                workDirSize = f.length > 2 ? parseLong(f[2]) : -1;
            }
            case "exit" -> exitCode = f.length > 1 ? parse(f[1]) : -1;
            case "signal" -> signal = f.length > 1 ? parse(f[1]) : 0;
            default -> {
            }
        }
    }

    private static int parse(String s) {
        return (int) Math.min(Integer.MAX_VALUE, parseLong(s));
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public boolean execed() {
        return execed;
    }

    public String errorStage() {
        return errorStage;
    }

    public int errorErrno() {
        return errorErrno;
    }

    public int exitCode() {
        return exitCode;
    }

    public int signal() {
        return signal;
    }

    public boolean ended() {
        return exitCode >= 0 || signal > 0;
    }

    /** A tmpfs reports full when free space fell below one page. */
    public boolean workDirFull() {
        return workDirSize > 0 && workDirSize - workDirUsed < 4096;
    }
}

package io.smainer.cli;

import java.io.PrintWriter;

/**
 * A one-line spinner on standard error for anything that waits. Only on a terminal
 * ({@link CliEnvironment#console()} non-null); in scripts and tests it prints nothing, so standard error
 * carries only real messages. Never shows payloads or results: callers pass ids and states.
 */
public final class ProgressLine implements AutoCloseable {
    private static final String FRAMES = "|/-\\";
    private static final long TICK_MILLIS = 120;

    private final PrintWriter err;
    private final Thread ticker;
    private volatile String text;
    private volatile boolean running = true;

    private ProgressLine(PrintWriter err, String text, boolean active) {
        this.err = err;
        this.text = text;
        this.ticker = active ? new Thread(this::spin, "smainer-progress") : null;
        if (ticker != null) {
            ticker.setDaemon(true);
            ticker.start();
        }
    }

    /** Starts a spinner with {@code text}; a no-op object when there is no terminal. */
    public static ProgressLine start(CliEnvironment env, String text) {
        return new ProgressLine(env.err(), text, env.console() != null);
    }

    public boolean active() {
        return ticker != null;
    }

    public void update(String newText) {
        this.text = newText;
    }

    private void spin() {
        int i = 0;
        while (running) {
            synchronized (err) {
                err.print("\r" + FRAMES.charAt(i++ % FRAMES.length()) + " " + text + "\033[K");
                err.flush();
            }
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        if (ticker == null) {
            return;
        }
        running = false;
        ticker.interrupt();
        try {
            ticker.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (err) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}

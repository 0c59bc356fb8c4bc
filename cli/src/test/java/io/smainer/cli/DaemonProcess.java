package io.smainer.cli;

import io.smainer.testkit.AppProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The real provider daemon ({@code io.smainer.daemon.ProviderDaemon}) as a process; {@link #close()} kills it. */
public final class DaemonProcess implements AutoCloseable {
    private final AppProcess process;

    private DaemonProcess(AppProcess process) {
        this.process = process;
    }

    /** Starts it with {@code config} and an ephemeral status port, and waits for {@code <stateDir>/status.json}. */
    public static DaemonProcess start(Path config, Path stateDir) throws IOException, InterruptedException {
        java.nio.file.Files.createDirectories(stateDir);
        AppProcess p = AppProcess.start("daemon", "io.smainer.daemon.ProviderDaemon", stateDir.resolveSibling("daemon.log"),
                List.of("--config", config.toString(), "--state-dir", stateDir.toString(), "--status-port", "0"));
        try {
            p.awaitFile(stateDir.resolve("status.json"), 60);
            return new DaemonProcess(p);
        } catch (IOException | InterruptedException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    public String log() throws IOException {
        return process.tail();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}

package io.smainer.cli.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs host tools ({@code nvidia-smi}, {@code systemctl}, {@code journalctl}); tests pass their own. */
public interface HostCommands {
    /** Exit status and standard output (standard error folded in). */
    record Output(int exitCode, String text) {}

    /** The command's output, or empty when it is not installed or did not finish in time. */
    Optional<Output> run(List<String> command, Duration timeout);

    static HostCommands system() {
        return (command, timeout) -> {
            java.nio.file.Path out = null;
            try {
                // Output goes to a file so a chatty tool cannot fill the pipe while we wait with a timeout.
                out = java.nio.file.Files.createTempFile("smainer-doctor", ".out");
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return Optional.empty();
                }
                return Optional.of(new Output(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } finally {
                if (out != null) {
                    try {
                        java.nio.file.Files.deleteIfExists(out);
                    } catch (IOException ignored) {
                        // a temp file left behind holds only tool output
                    }
                }
            }
        };
    }
}

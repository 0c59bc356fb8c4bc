package io.smainer.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another app of the repo (relayer-lite, the daemon) started as a separate JVM from its packaged jar and
 * {@code target/lib}, as operators run it — never as a Maven dependency (docs/architecture.md).
 */
public final class AppProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The class path of {@code <repo>/<module>/target}: its jar plus lib/*; fails with the build command when missing. */
    static String classPath(String module) throws IOException {
        Path target = Path.of("..", module, "target").toAbsolutePath().normalize();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "smainer-" + module + "-*.jar")) {
            for (Path jar : jars) {
                String n = jar.getFileName().toString();
                if (!n.endsWith("-tests.jar") && !n.endsWith("-sources.jar") && Files.isDirectory(target.resolve("lib"))) {
                    return jar + File.pathSeparator + target.resolve("lib") + File.separator + "*";
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // reported below
        }
        throw new IllegalStateException("no packaged " + module + " under " + target + ": build it first with "
                + "mvn -B -o -pl " + module + " package -DskipTests (the reactor builds it before cli)");
    }

    /** Starts {@code mainClass} of {@code module}; output goes to {@code log}. */
    public static AppProcess start(String module, String mainClass, Path log, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath(module), mainClass));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new AppProcess(p, log);
    }

    /** Waits until {@code file} exists; fails with the log's tail when the process dies or time runs out. */
    public void awaitFile(Path file, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Files.exists(file)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException((process.isAlive() ? "no " + file + " after " + seconds + " s"
                        : "exited " + process.exitValue()) + "; log " + log + ":\n" + tail());
            }
            Thread.sleep(50);
        }
    }

    public String tail() throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}

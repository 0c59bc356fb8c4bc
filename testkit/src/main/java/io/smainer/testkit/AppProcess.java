package io.smainer.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An app of the repo (relayer-lite, the daemon) as a separate JVM started from its packaged jar and
 * {@code target/lib}, as operators run it — never a Maven dependency of the module whose tests start it
 * (docs/architecture.md). Inherited {@code SMAINER_*}/{@code STARKNET_*} and the production environment names
 * are removed, so only what the test passes configures the app.
 */
public final class AppProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The repository root (failsafe sets {@code smainer.repo}; {@code ..} from a module's directory otherwise). */
    public static Path repo() {
        return Path.of(System.getProperty("smainer.repo", "..")).toAbsolutePath().normalize();
    }

    /** {@code <repo>/<module>/target/smainer-<module>-<version>.jar} plus {@code target/lib/*}; fails with the build command when missing. */
    static String classPath(String module) throws IOException {
        Path target = repo().resolve(module).resolve("target");
        if (Files.isDirectory(target.resolve("lib"))) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "smainer-" + module + "-*.jar")) {
                for (Path jar : jars) {
                    String n = jar.getFileName().toString();
                    if (!n.endsWith("-tests.jar") && !n.endsWith("-sources.jar")) {
                        return jar + File.pathSeparator + target.resolve("lib") + File.separator + "*";
                    }
                }
            }
        }
        throw new IllegalStateException("no packaged " + module + " under " + target + ": build it first with "
                + "mvn -B -o -pl " + module + " package -DskipTests (the reactor builds it before the modules that start it)");
    }

    /** Starts {@code mainClass} of {@code module} with {@code args}; output to {@code log}. */
    public static AppProcess start(String module, String mainClass, Path log, List<String> args) throws IOException {
        return start(module, mainClass, log, List.of(), args, Map.of());
    }

    /** Starts {@code mainClass} of {@code module} with {@code jvmOptions}, {@code args} and extra {@code env}; output to {@code log}. */
    public static AppProcess start(String module, String mainClass, Path log, List<String> jvmOptions, List<String> args,
                                   Map<String, String> env) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath(module), mainClass));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("SMAINER_") || k.startsWith("STARKNET_") || k.equals("NODE_ID")
                || k.equals("RELAYER_WS_URL") || k.equals("HEARTBEAT_INTERVAL") || k.equals("MAX_CONCURRENT_TASKS")
                || k.equals("LOG_LEVEL") || k.startsWith("RECONNECT_") || k.equals("ENABLE_CUSTOM_TASKS"));
        pb.environment().putAll(env);
        return new AppProcess(pb.start(), log);
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
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The whole output file (stdout and stderr), appended across restarts on the same path. */
    public Path logFile() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}

package io.smainer.relayer.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.StarkPrivateKey;
import io.smainer.protocol.wire.TaskAssigned;
import io.smainer.testkit.CallbackReceiver;
import io.smainer.relayer.testkit.InProcessRelayer;
import io.smainer.relayer.testkit.RelayerProcess;
import io.smainer.relayer.testkit.SimNode;
import io.smainer.relayer.testkit.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bench/relayer-dispatch (issue 4): the packaged relayer in its own JVM; N simulated nodes that complete
 * every assignment at once with a valid signed result; M tasks submitted over keep-alive HTTP by C
 * client threads. Reports full-cycle tasks/s (submit → assigned → completed → final callback delivered),
 * p50/p99 submit → task_assigned, and GET /health throughput as this machine's HTTP ceiling. With
 * {@code --idle-nodes K} it instead connects K registered, heartbeating nodes and reports the relayer's
 * heap after a full GC. Usage: bench/relayer-dispatch/run.sh [--nodes N] [--tasks M] [--clients C] [--rate R]
 * [--warmup W] [--exec-ms D] [--idle-nodes K]; {@code --warmup} first runs W tasks that are not measured (JIT, prepared
 * node keys, connection pools), {@code --exec-ms} makes nodes answer D ms after an assignment; {@code --rate} submits at R tasks/s (open loop) to measure latency below saturation, and
 * every run reports the CPU seconds the relayer and the bench used, which on a shared machine is steadier
 * than wall-clock throughput.
 */
public final class RelayerDispatchBench {
    public static void main(String[] args) throws Exception {
        int nodes = intArg(args, "--nodes", 1000);
        int tasks = intArg(args, "--tasks", 20_000);
        int clients = intArg(args, "--clients", 32);
        int idle = intArg(args, "--idle-nodes", 0);
        int rate = intArg(args, "--rate", 0);
        Path data = Files.createTempDirectory("relayer-bench");
        int port = RelayerProcess.freePort();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        // The nodes are not registered on chain and the tasks are unpaid: the devnet's rules are turned off.
        // -Dbench.relayer.args replaces these flags (e.g. "" to measure a build from before the chain flags).
        String[] relayerArgs = System.getProperty("bench.relayer.args",
                "--heartbeat-timeout 90 --require-payment=false --enforce-onchain-key=false").trim().split("\\s+");
        try (RelayerProcess relayer = RelayerProcess.start(data.resolve("data"), port,
                relayerArgs.length == 1 && relayerArgs[0].isEmpty() ? new String[0] : relayerArgs)) {
            System.out.printf("relayer pid %d on port %d, cores %d%n", relayer.pid(), port, Runtime.getRuntime().availableProcessors());
            if (idle > 0) {
                idleNodes(relayer, group, idle);
            } else {
                dispatch(relayer, group, nodes, tasks, clients, rate, intArg(args, "--warmup", 0), intArg(args, "--exec-ms", 0));
            }
        } finally {
            group.shutdownGracefully();
        }
        System.exit(0);
    }

    /**
     * @param rate submissions per second across all clients (open loop: task n is sent at start + n/rate);
     *             0 sends as fast as the clients can (closed loop, the saturation throughput)
     */
    static void dispatch(RelayerProcess relayer, EventLoopGroup group, int nodeCount, int tasks, int clients, int rate,
                         int warmup, int execMillis) throws Exception {
        int total = warmup + tasks;
        long[] assignedNanos = new long[total];
        long[] submitNanos = new long[total];
        java.util.Map<String, Integer> benchIds = new java.util.concurrent.ConcurrentHashMap<>();
        List<SimNode> nodes = connectAll(group, relayer.port(), nodeCount, "bench", execMillis, t -> {
            int n = t.payload().get("bench_id").asInt();
            assignedNanos[n] = System.nanoTime();
            benchIds.put(t.taskId(), n);
        });
        try (CallbackReceiver receiver = new CallbackReceiver(InProcessRelayer.CALLBACK_SECRET)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(4)).build();
            String key = relayer.apiKey();
            String base = "http://127.0.0.1:" + relayer.port() + "/api/v1";
            String cb = receiver.url("/cb");
            AtomicLong failures = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            if (warmup > 0) { // JIT, prepared node keys, connection pools: measured runs start warm
                long t0 = System.nanoTime();
                submitRange(http, base, key, cb, pool, clients, 0, warmup, 0, new long[total], failures);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
                while (nodeCount > 0 && receiver.finals().size() < warmup - failures.get() && System.nanoTime() < until) {
                    Thread.sleep(5);
                }
                System.out.printf("warm-up: %d tasks in %.1f s%n", warmup, (System.nanoTime() - t0) / 1e9);
            }
            int warmFinals = receiver.finals().size();
            long[] relayerTicks0 = userSysTicks(relayer.pid());
            java.util.Map<String, Long> threads0 = threadTicks(relayer.pid());
            Duration relayerCpu0 = cpu(relayer.pid());
            Duration benchCpu0 = cpu(ProcessHandle.current().pid());
            long start = System.nanoTime();
            submitRange(http, base, key, cb, pool, clients, warmup, total, rate, submitNanos, failures);
            long submitted = System.nanoTime();
            long deadline = submitted + TimeUnit.SECONDS.toNanos(300);
            while (nodeCount > 0 && receiver.finals().size() < total - failures.get() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            long done = System.nanoTime();
            double relayerCpu = cpu(relayer.pid()).minus(relayerCpu0).toMillis() / 1000.0;
            long[] relayerTicks = userSysTicks(relayer.pid());
            java.util.Map<String, Long> threads = threadTicks(relayer.pid());
            double benchCpu = cpu(ProcessHandle.current().pid()).minus(benchCpu0).toMillis() / 1000.0;
            int finals = receiver.finals().size() - warmFinals;
            double seconds = (done - start) / 1e9;
            long[] lat = new long[tasks];
            int k = 0;
            for (int i = warmup; i < total; i++) {
                if (assignedNanos[i] != 0) {
                    lat[k++] = assignedNanos[i] - submitNanos[i];
                }
            }
            long[] sorted = Arrays.copyOf(lat, k);
            Arrays.sort(sorted);
            // Result sent (task_assigned at the node + exec-ms) -> final callback at the receiver: sign, result frame,
            // verify, store, callback.
            long[] toCallback = receiver.finals().stream()
                    .filter(r -> benchIds.containsKey(r.taskId()) && benchIds.get(r.taskId()) >= warmup)
                    .mapToLong(r -> r.receivedNanos() - assignedNanos[benchIds.get(r.taskId())] - execMillis * 1_000_000L)
                    .sorted().toArray();
            String jfr = System.getProperty("bench.jfr.dump");
            if (jfr != null) { // the relayer was started with -Drelayer.jvm.args=-XX:StartFlightRecording...
                run("jcmd", Long.toString(relayer.pid()), "JFR.dump", "filename=" + jfr);
            }
            double health = healthThroughput(http, base, clients, Duration.ofSeconds(5), pool);
            pool.shutdownNow();
            System.out.printf("nodes=%d tasks=%d clients=%d rate=%s submit_failures=%d final_callbacks=%d%n", nodeCount, tasks,
                    clients, rate == 0 ? "max" : rate + "/s", failures.get(), finals);
            System.out.printf("submit phase: %.0f tasks/s (%.2f s)%n", tasks / ((submitted - start) / 1e9), (submitted - start) / 1e9);
            System.out.printf("full cycle (submit -> assigned -> completed -> callback delivered): %.0f tasks/s (%.2f s)%n",
                    finals / seconds, seconds);
            System.out.printf("submit -> task_assigned: p50 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)%n", pct(sorted, 50),
                    pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, sorted.length);
            System.out.printf("result sent -> final callback received: p50 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)%n",
                    pct(toCallback, 50), pct(toCallback, 99), toCallback.length == 0 ? 0 : toCallback[toCallback.length - 1] / 1e6,
                    toCallback.length);
            System.out.printf("GET /health ceiling: %.0f req/s with %d keep-alive clients%n", health, clients);
            System.out.printf("CPU during the cycle: relayer %.1f s (%.3f ms per task), bench (nodes, clients, receiver) %.1f s"
                    + " (%.3f ms per task); wall %.1f s on %d cores, load average %.1f%n", relayerCpu, relayerCpu * 1000 / tasks,
                    benchCpu, benchCpu * 1000 / tasks, seconds, Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            if (relayerTicks.length == 2 && relayerTicks0.length == 2) {
                System.out.printf("relayer CPU split: user %.1f s, system (kernel: sockets, SQLite I/O) %.1f s%n",
                        (relayerTicks[0] - relayerTicks0[0]) / 100.0, (relayerTicks[1] - relayerTicks0[1]) / 100.0);
                StringBuilder top = new StringBuilder("relayer CPU by thread (ms per task):");
                threads.entrySet().stream().map(e -> java.util.Map.entry(e.getKey(), e.getValue() - threads0.getOrDefault(e.getKey(), 0L)))
                        .filter(e -> e.getValue() > 0).sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(12)
                        .forEach(e -> top.append(String.format(" %s %.3f;", e.getKey(), e.getValue() * 10.0 / tasks)));
                System.out.println(top);
            }
        }
        nodes.forEach(SimNode::close);
    }

    /** Submits tasks {@code from} until {@code to} (their bench_id) from {@code clients} lanes; rate 0 = as fast as they can. */
    static void submitRange(HttpClient http, String base, String key, String cb, ExecutorService pool, int clients, int from,
                            int to, int rate, long[] submitNanos, AtomicLong failures) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        long start = System.nanoTime();
        List<Future<?>> lanes = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            lanes.add(pool.submit(() -> {
                for (int n; (n = next.getAndIncrement()) < to; ) {
                    String body = "{\"payload\":{\"type\":\"HASH\",\"task_type\":\"HASH\",\"data\":\"bench\",\"bench_id\":" + n
                            + ",\"complete_callback_url\":\"" + cb + "\"},\"token_amount\":\"1\"}";
                    if (rate > 0) {
                        long due = start + (long) ((n - from) * 1e9 / rate);
                        for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                    }
                    submitNanos[n] = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/tasks"))
                                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 201) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : lanes) {
            f.get();
        }
    }

    /** utime and stime of a process in clock ticks (USER_HZ, 100 on Linux) from /proc/PID/stat; empty elsewhere. */
    static long[] userSysTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])}; // fields 14 and 15 of stat(5)
        } catch (Exception e) {
            return new long[0];
        }
    }

    /**
     * utime + stime per thread name of a process (ticks, from /proc/PID/task/TID/stat; numbered pool threads
     * such as io-9-3 are summed as io-9-N; the kernel truncates names to 15 characters); empty elsewhere.
     */
    static java.util.Map<String, Long> threadTicks(long pid) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        try (var tids = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : (Iterable<Path>) tids::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("-\\d+$", "-N");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (Exception e) {
                    // the thread ended meanwhile
                }
            }
        } catch (Exception e) {
            return out;
        }
        return out;
    }

    /** CPU time a process used so far (user + system), from /proc on Linux. */
    static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    static double healthThroughput(HttpClient http, String base, int clients, Duration d, ExecutorService pool) throws Exception {
        AtomicLong ok = new AtomicLong();
        long end = System.nanoTime() + d.toNanos();
        List<Future<?>> lanes = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            lanes.add(pool.submit(() -> {
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/health")).GET().build();
                while (System.nanoTime() < end) {
                    if (http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        ok.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : lanes) {
            f.get();
        }
        return ok.get() / (d.toMillis() / 1000.0);
    }

    static void idleNodes(RelayerProcess relayer, EventLoopGroup group, int count) throws Exception {
        long t0 = System.nanoTime();
        List<SimNode> nodes = connectAll(group, relayer.port(), count, "idle", 0, t -> { });
        System.out.printf("%d nodes connected and registered in %.1f s%n", nodes.size(), (System.nanoTime() - t0) / 1e9);
        ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor();
        beat.scheduleAtFixedRate(() -> nodes.forEach(SimNode::heartbeat), 0, 30, TimeUnit.SECONDS);
        Thread.sleep(35_000); // at least one heartbeat round from every node
        String active = new String(new ProcessBuilder("curl", "-s", "http://127.0.0.1:" + relayer.port() + "/api/v1/health")
                .start().getInputStream().readAllBytes());
        System.out.println("health: " + active);
        run("jcmd", Long.toString(relayer.pid()), "GC.run");
        System.out.println(run("jcmd", Long.toString(relayer.pid()), "GC.heap_info"));
        beat.shutdownNow();
        nodes.forEach(SimNode::close);
    }

    /**
     * @param execMillis 0: every node answers an assignment at once; else it sends the result this many
     *                   milliseconds later (like a sandboxed run), from its event loop
     */
    static List<SimNode> connectAll(EventLoopGroup group, int port, int count, String prefix, int execMillis,
                                    java.util.function.Consumer<TaskAssigned> onAssigned) throws Exception {
        List<SimNode> nodes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<SimNode>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            pending.add(pool.submit(() -> {
                // Every node its own key, as in production: the relayer's per-key verification state is not shared.
                SimNode n = new SimNode(id, TestKeys.ADDRESS, StarkPrivateKey.of(Felts.sha256ModP(id), TestKeys.CRYPTO),
                        new ProtocolJson());
                n.connect(group, port).autoComplete(execMillis == 0).onAssigned(execMillis == 0 ? onAssigned : t -> {
                    onAssigned.accept(t);
                    group.schedule(() -> n.send(n.completion(t, n.resultFor(t))), execMillis, TimeUnit.MILLISECONDS);
                });
                if (!n.register(4).success()) {
                    throw new IllegalStateException("registration of " + id + " refused");
                }
                return n;
            }));
        }
        for (Future<SimNode> f : pending) {
            nodes.add(f.get());
        }
        pool.shutdown();
        return nodes;
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    static int intArg(String[] args, String name, int dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return dflt;
    }
}

package io.smainer.daemon;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.smainer.daemon.config.DaemonConfig;
import io.smainer.daemon.health.DaemonState;
import io.smainer.daemon.health.DrainState;
import io.smainer.daemon.health.StatusServer;
import io.smainer.daemon.isolation.TaskIsolation;
import io.smainer.daemon.lifecycle.SignalTrap;
import io.smainer.daemon.lifecycle.StateDirLock;
import io.smainer.daemon.relay.HeartbeatHandler;
import io.smainer.daemon.relay.RelayClient;
import io.smainer.daemon.relay.RelayLink;
import io.smainer.daemon.task.Outbox;
import io.smainer.daemon.task.TaskIntake;
import io.smainer.protocol.wire.TaskErrorCode;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled daemon (built by {@link ProviderDaemon}): runs until a signal, then drains — stop
 * taking tasks, report draining, finish running tasks up to the drain timeout (a second signal or
 * the timeout cancels the rest, reported failed), flush the outbox — and shuts down in order:
 * relay, status endpoint, workers, sandbox (warm launchers and their cgroups, then leftover task cgroups),
 * event loops, lock.
 */
final class ProviderRuntime {
    private static final Logger log = LoggerFactory.getLogger(ProviderRuntime.class);
    /** Upper bound on waiting for the relayer to ack the last results during a drain. */
    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(10);

    private final DaemonConfig config;
    private final StateDirLock lock;
    private final EventLoopGroup group;
    private final StatusServer status;
    private final RelayClient relay;
    private final RelayLink link;
    private final TaskIntake intake;
    private final Outbox outbox;
    private final DaemonState state;
    private final ExecutorService workers;
    private final ExecutorService intakeThread;
    private final ScheduledExecutorService timer;
    private final ScheduledExecutorService modelsThread;
    private final TaskIsolation isolation;

    ProviderRuntime(DaemonConfig config, StateDirLock lock, EventLoopGroup group, StatusServer status, RelayClient relay,
                    RelayLink link, TaskIntake intake, Outbox outbox, DaemonState state, ExecutorService workers,
                    ExecutorService intakeThread, ScheduledExecutorService timer, ScheduledExecutorService modelsThread,
                    TaskIsolation isolation) {
        this.modelsThread = modelsThread;
        this.isolation = isolation;
        this.config = config;
        this.lock = lock;
        this.group = group;
        this.status = status;
        this.relay = relay;
        this.link = link;
        this.intake = intake;
        this.outbox = outbox;
        this.state = state;
        this.workers = workers;
        this.intakeThread = intakeThread;
        this.timer = timer;
    }

    void start() {
        long sweepMs = Math.max(1000, Math.min(60_000, config.outboxUnackedGrace().toMillis() / 4));
        timer.scheduleWithFixedDelay(() -> outbox.sweep(config.outboxRetention(), config.outboxUnackedGrace(),
                link.relayerAcksResults()), sweepMs, sweepMs, TimeUnit.MILLISECONDS);
        relay.start();
    }

    /** Blocks until the first signal, drains, shuts down. Returns the exit code (0). */
    int runUntilSignalled(SignalTrap signals) throws InterruptedException {
        signals.awaitFirst();
        drain(signals);
        shutdown();
        return 0;
    }

    void drain(SignalTrap signals) throws InterruptedException {
        state.drain(DrainState.DRAINING);
        Channel ch = link.channel();
        if (ch != null) {
            ch.pipeline().fireUserEventTriggered(HeartbeatHandler.HEARTBEAT_NOW);
        }
        log.info("drain: {} task(s) running; waiting up to {} s", intake.active(), config.drainTimeout().toSeconds());
        long deadline = System.nanoTime() + config.drainTimeout().toNanos();
        while (intake.active() > 0 && System.nanoTime() < deadline) {
            if (signals.awaitSecond(100)) {
                break;
            }
        }
        if (intake.active() > 0) {
            String why = signals.secondReceived() ? "a second stop signal" : "the drain timeout of " + config.drainTimeout().toSeconds() + " s";
            log.warn("drain: cancelling {} task(s) after {}", intake.active(), why);
            intakeThread.submit(() -> intake.cancelAll(TaskErrorCode.CANCELLED, "provider shut down before the task finished ("
                    + why + ")"));
        }
        intakeThread.shutdown();
        intakeThread.awaitTermination(5, TimeUnit.SECONDS);
        flushOutbox(signals);
    }

    private void flushOutbox(SignalTrap signals) throws InterruptedException {
        long deadline = System.nanoTime() + FLUSH_TIMEOUT.toNanos();
        while (!flushed() && System.nanoTime() < deadline && !signals.awaitSecond(100)) {
            // results leave as acks arrive; nothing else to do while waiting
        }
        if (outbox.depth() > 0) {
            log.info("drain: {} result(s) stay in the outbox and are resent at the next start", outbox.depth());
        }
    }

    private boolean flushed() {
        return outbox.depth() == 0 || (!link.relayerAcksResults() && link.channel() != null && outbox.allSent());
    }

    void shutdown() {
        state.drain(DrainState.STOPPING);
        relay.stop(Duration.ofSeconds(2));
        status.close();
        workers.shutdownNow();
        intakeThread.shutdownNow();
        timer.shutdownNow();
        modelsThread.shutdownNow();
        awaitWorkers();
        isolation.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        lock.close();
        log.info("stopped");
    }

    /** Cancelled sandboxed tasks kill and remove their own cgroups as their threads unwind: give them a moment. */
    private void awaitWorkers() {
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("shutdown: task threads still running after 5 s; their sandboxes are reaped now");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int statusPort() {
        return status.port();
    }
}

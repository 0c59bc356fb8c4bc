package io.smainer.daemon.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;

/**
 * The daemon's metrics in a Micrometer Prometheus registry ({@code /metrics}); the counters also feed
 * {@code /status}. Metric names are stable: dashboards read them.
 */
public final class DaemonMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter completed;
    private final Counter failed;
    private final Counter rejected;
    private final Counter reconnects;
    private final Counter heartbeats;
    private final Counter invalidFrames;

    public DaemonMetrics() {
        completed = Counter.builder("smainer.daemon.tasks.completed").description("Tasks completed and signed").register(registry);
        failed = Counter.builder("smainer.daemon.tasks.failed").description("Tasks answered with task_failed after intake").register(registry);
        rejected = Counter.builder("smainer.daemon.tasks.rejected").description("Assignments refused at intake (NOT_ELIGIBLE, CAPACITY)").register(registry);
        reconnects = Counter.builder("smainer.daemon.relay.reconnects").description("Reconnect attempts to the relayer").register(registry);
        heartbeats = Counter.builder("smainer.daemon.relay.heartbeats").description("Heartbeats sent").register(registry);
        invalidFrames = Counter.builder("smainer.daemon.relay.invalid.frames").description("Inbound frames that were malformed, invalid or unknown").register(registry);
    }

    /** Registers the live gauges; suppliers are read at scrape time. */
    public void gauges(Supplier<Number> activeTasks, Supplier<Number> outboxDepth, Supplier<Number> registered, Supplier<Number> draining) {
        gauge("smainer.daemon.tasks.active", activeTasks);
        gauge("smainer.daemon.outbox.depth", outboxDepth);
        gauge("smainer.daemon.relay.registered", registered);
        gauge("smainer.daemon.draining", draining);
    }

    private void gauge(String name, Supplier<Number> value) {
        // Strong reference: the suppliers are lambdas nobody else holds.
        Gauge.builder(name, value, s -> s.get().doubleValue()).strongReference(true).register(registry);
    }

    public void taskCompleted() {
        completed.increment();
    }

    public void taskFailed() {
        failed.increment();
    }

    public void taskRejected() {
        rejected.increment();
    }

    public void reconnect() {
        reconnects.increment();
    }

    public void heartbeat() {
        heartbeats.increment();
    }

    public void invalidFrame() {
        invalidFrames.increment();
    }

    public long completedCount() {
        return (long) completed.count();
    }

    public long failedCount() {
        return (long) failed.count();
    }

    public long rejectedCount() {
        return (long) rejected.count();
    }

    public long reconnectCount() {
        return (long) reconnects.count();
    }

    /** Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }
}

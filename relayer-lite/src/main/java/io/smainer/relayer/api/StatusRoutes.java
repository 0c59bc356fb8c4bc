package io.smainer.relayer.api;

import io.smainer.protocol.SmainerVersion;
import io.smainer.protocol.api.ComponentHealth;
import io.smainer.protocol.api.HealthReport;
import io.smainer.protocol.api.NetworkStats;
import io.smainer.protocol.api.TaskStatus;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.wire.Frames;
import io.smainer.relayer.schedule.CompletionWindow;
import io.smainer.relayer.schedule.Scheduler;
import io.smainer.relayer.store.SettlementTotals;
import io.smainer.relayer.store.TaskStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /health} and {@code GET /stats} (no auth). The store probe and the settlement totals are
 * cached for a second so that these open endpoints, however often polled, cost a query per second.
 */
public final class StatusRoutes {
    private static final long PROBE_MILLIS = 1000;
    private final ProtocolJson json;
    private final TaskStore store;
    private final Scheduler scheduler;
    private final CompletionWindow completions;
    private final Clock clock;
    private final long startedMillis;
    private final String version = SmainerVersion.current();
    private volatile long probedAt;
    private volatile boolean storeHealthy = true;
    private volatile long totalsAt = Long.MIN_VALUE / 2;
    private volatile SettlementTotals totals = SettlementTotals.ZERO;
    private final String chainHealth;
    private final String chainDetail;

    /** @param chainDetail what {@code components.starknet} says; null when no chain is configured */
    public StatusRoutes(ProtocolJson json, TaskStore store, Scheduler scheduler, CompletionWindow completions, Clock clock,
                        String chainDetail) {
        this.chainHealth = chainDetail == null ? ComponentHealth.DISABLED : ComponentHealth.HEALTHY;
        this.chainDetail = chainDetail == null ? "no Starknet client configured" : chainDetail;
        this.json = json;
        this.store = store;
        this.scheduler = scheduler;
        this.completions = completions;
        this.clock = clock;
        this.startedMillis = clock.millis();
    }

    public ApiResponse health() {
        long now = clock.millis();
        if (now - probedAt > PROBE_MILLIS) {
            storeHealthy = store.isHealthy();
            probedAt = now;
        }
        int nodes = scheduler.activeNodes();
        HealthReport report = new HealthReport(storeHealthy ? ComponentHealth.HEALTHY : ComponentHealth.UNHEALTHY,
                Frames.timestamp(Instant.ofEpochMilli(now)), version, (now - startedMillis) / 1000, storeHealthy, nodes,
                new HealthReport.Components(
                        new ComponentHealth(storeHealthy ? ComponentHealth.HEALTHY : ComponentHealth.UNHEALTHY,
                                "embedded SQLite store", null),
                        new ComponentHealth(ComponentHealth.HEALTHY, "provider WebSocket endpoint", nodes),
                        new ComponentHealth(chainHealth, chainDetail, null)));
        return new ApiResponse(200, json.write(report)); // production answers 200 and clients read the fields
    }

    public ApiResponse stats() {
        long now = clock.millis();
        Map<String, Long> byState = new TreeMap<>();
        long total = 0;
        for (Map.Entry<TaskStatus, Long> e : store.countByStatus().entrySet()) {
            byState.put(e.getKey().wireName(), e.getValue());
            total += e.getValue();
        }
        if (now - totalsAt > PROBE_MILLIS) {
            totals = store.settlementTotals();
            totalsAt = now;
        }
        NetworkStats stats = new NetworkStats(new NetworkStats.Tasks(total, completions.lastMinute(now), byState),
                new NetworkStats.Providers(scheduler.activeNodes(), scheduler.registeredNodes()),
                new NetworkStats.SettlementVolume(totals.escrowed(), totals.providerPayout(), totals.gasSubsidy(),
                        totals.treasuryFee()));
        return new ApiResponse(200, json.write(stats));
    }
}

package io.smainer.protocol.api;

import java.math.BigInteger;
import java.util.Map;

/** {@code GET /stats} (PROTOCOL.md §1): throughput, providers, settlement volume in wei. */
public record NetworkStats(Tasks tasks, Providers providers, SettlementVolume settlement) {

    /** Completed tasks in the last minute and counts by state. */
    public record Tasks(long total, double perMinute, Map<String, Long> byState) {
        public Tasks {
            byState = Map.copyOf(byState);
        }
    }

    public record Providers(int active, int registered) {}

    public record SettlementVolume(BigInteger escrowed, BigInteger providerPayout, BigInteger gasSubsidy, BigInteger treasuryFee) {}
}

package io.smainer.protocol.api;

/**
 * {@code GET /health} (PROTOCOL.md §1). {@code redis_connected} and {@code active_nodes} are what
 * production clients read; with the embedded store {@code redis_connected} is the store's health.
 */
public record HealthReport(
        String status,
        String timestamp,
        String version,
        long uptimeSeconds,
        boolean redisConnected,
        int activeNodes,
        Components components) {

    /** The three components production reports. */
    public record Components(ComponentHealth store, ComponentHealth websocket, ComponentHealth starknet) {}
}

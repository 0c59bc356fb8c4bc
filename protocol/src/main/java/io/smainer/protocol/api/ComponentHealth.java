package io.smainer.protocol.api;

/** Health of one relayer component; {@code connectedNodes} only for the WebSocket component. */
public record ComponentHealth(String status, String detail, Integer connectedNodes) {
    public static final String HEALTHY = "healthy";
    public static final String DEGRADED = "degraded";
    public static final String UNHEALTHY = "unhealthy";
    public static final String DISABLED = "disabled";
}

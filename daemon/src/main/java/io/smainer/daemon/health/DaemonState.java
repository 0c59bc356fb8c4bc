package io.smainer.daemon.health;

import java.time.Clock;
import java.time.Instant;

/**
 * Live facts about the daemon that {@code /status} shows: connection state, registration and
 * heartbeat-ack times, drain state. Written by the relay and lifecycle code, read by the status
 * endpoint; each field is independently volatile (a snapshot may mix two moments, which is fine).
 */
public final class DaemonState {
    private final Clock clock;
    private volatile ConnectionState connection = ConnectionState.STARTING;
    private volatile Instant registeredAt;
    private volatile Instant lastHeartbeatAck;
    private volatile Instant lastInbound;
    private volatile String lastDisconnectReason;
    private volatile DrainState drain = DrainState.RUNNING;
    private volatile boolean relayerAcksResults;

    public DaemonState(Clock clock) {
        this.clock = clock;
    }

    public void connection(ConnectionState s) {
        connection = s;
    }

    public ConnectionState connection() {
        return connection;
    }

    public void registered(boolean acksResults) {
        registeredAt = clock.instant();
        relayerAcksResults = acksResults;
        connection = ConnectionState.REGISTERED;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public void heartbeatAcked() {
        lastHeartbeatAck = clock.instant();
    }

    public Instant lastHeartbeatAck() {
        return lastHeartbeatAck;
    }

    public void inbound() {
        lastInbound = clock.instant();
    }

    public Instant lastInbound() {
        return lastInbound;
    }

    public void disconnected(String reason) {
        lastDisconnectReason = reason;
        if (connection != ConnectionState.STOPPED) {
            connection = ConnectionState.DISCONNECTED;
        }
    }

    public String lastDisconnectReason() {
        return lastDisconnectReason;
    }

    public void drain(DrainState s) {
        drain = s;
    }

    public DrainState drain() {
        return drain;
    }

    public boolean draining() {
        return drain != DrainState.RUNNING;
    }

    public boolean relayerAcksResults() {
        return relayerAcksResults;
    }
}

package io.smainer.daemon.health;

/** Lifecycle of the daemon for {@code /status} and heartbeats. */
public enum DrainState {
    RUNNING, DRAINING, STOPPING
}

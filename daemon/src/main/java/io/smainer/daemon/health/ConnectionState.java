package io.smainer.daemon.health;

/** Where the relay connection stands, as {@code /status} reports it. */
public enum ConnectionState {
    STARTING, CONNECTING, CONNECTED, REGISTERED, DISCONNECTED, STOPPED
}

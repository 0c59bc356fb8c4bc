package io.smainer.daemon.relay;

import java.util.List;

/**
 * Names of the relay pipeline's handlers, in pipeline order ({@link #ORDER}); a test asserts that
 * {@link RelayChannelInitializer} builds exactly this order.
 */
public final class HandlerNames {
    public static final String TLS = "tls";
    /** First after TLS: any inbound byte, control frames included, counts as traffic. */
    public static final String IDLE = "idle";
    public static final String DEAD_CONNECTION = "dead-connection";
    public static final String HTTP_CODEC = "http-codec";
    public static final String HTTP_AGGREGATOR = "http-aggregator";
    public static final String WS_PROTOCOL = "ws-protocol";
    public static final String WS_AGGREGATOR = "ws-aggregator";
    public static final String FRAME_CODEC = "frame-codec";
    public static final String REGISTRATION = "registration";
    public static final String HEARTBEAT = "heartbeat";
    public static final String DISPATCH = "dispatch";
    public static final String EXCEPTIONS = "exceptions";

    /** Pipeline order without TLS (ws://); with wss:// {@link #TLS} comes first. */
    public static final List<String> ORDER = List.of(IDLE, DEAD_CONNECTION, HTTP_CODEC, HTTP_AGGREGATOR, WS_PROTOCOL,
            WS_AGGREGATOR, FRAME_CODEC, REGISTRATION, HEARTBEAT, DISPATCH, EXCEPTIONS);

    private HandlerNames() {}
}

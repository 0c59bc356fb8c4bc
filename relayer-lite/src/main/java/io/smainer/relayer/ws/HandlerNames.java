package io.smainer.relayer.ws;

import java.util.List;

/**
 * Names of the relayer's pipeline handlers, in pipeline order. {@link RelayChannelInitializer} uses
 * exactly these; {@code HandlerNamesTest} asserts the order, because it matters: the WebSocket path
 * check must see a request before the handshake handler, and the REST API only what no WebSocket
 * handler took.
 */
public final class HandlerNames {
    public static final String HTTP_CODEC = "http-codec";
    public static final String HTTP_KEEP_ALIVE = "http-keep-alive";
    public static final String HTTP_AGGREGATOR = "http-aggregator";
    public static final String WS_PATH = "ws-path";
    public static final String WS_OVERSIZED = "ws-oversized";
    public static final String WS_PROTOCOL = "ws-protocol";
    public static final String WS_FRAME_AGGREGATOR = "ws-frame-aggregator";
    public static final String WS_SESSION = "ws-session";
    public static final String API = "api";
    public static final String EXCEPTIONS = "exceptions";

    /** The order {@link RelayChannelInitializer} installs them in. */
    public static final List<String> ORDER = List.of(HTTP_CODEC, HTTP_KEEP_ALIVE, HTTP_AGGREGATOR, WS_PATH, WS_OVERSIZED, WS_PROTOCOL,
            WS_FRAME_AGGREGATOR, WS_SESSION, API, EXCEPTIONS);

    private HandlerNames() {}
}

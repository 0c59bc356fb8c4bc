package io.smainer.relayer.ws;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.smainer.protocol.Limits;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.relayer.api.HttpApiHandler;
import io.smainer.relayer.api.JsonHttpObjectAggregator;
import io.smainer.relayer.api.TailExceptionHandler;
import java.time.Duration;

/**
 * The relayer's one transport: HTTP/1.1 for the REST API and WebSocket upgrades for nodes on the same
 * port. Order matters (names and order: {@link HandlerNames}): the path check runs before the
 * handshake so bad node ids never upgrade; the handshake handler consumes {@code /ws…} requests and
 * passes all others on to the API; after an upgrade Netty removes the HTTP aggregator and codec.
 */
public final class RelayChannelInitializer extends ChannelInitializer<Channel> {
    /** The REST body limit plus room for headers of a chunked request. */
    static final int MAX_HTTP_CONTENT = Limits.MAX_REQUEST_BODY_BYTES;

    private final ProtocolJson json;
    private final NodeFrames frames;
    private final HttpApiHandler api;
    private final TailExceptionHandler tail = new TailExceptionHandler();
    private final Duration registrationTimeout;

    public RelayChannelInitializer(ProtocolJson json, NodeFrames frames, HttpApiHandler api, Duration registrationTimeout) {
        this.json = json;
        this.frames = frames;
        this.api = api;
        this.registrationTimeout = registrationTimeout;
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        p.addLast(HandlerNames.HTTP_CODEC, new HttpServerCodec());
        p.addLast(HandlerNames.HTTP_KEEP_ALIVE, new HttpServerKeepAliveHandler());
        p.addLast(HandlerNames.HTTP_AGGREGATOR, new JsonHttpObjectAggregator(json, MAX_HTTP_CONTENT));
        p.addLast(HandlerNames.WS_PATH, new WsPathHandler(json));
        // Refused frames are answered by OversizedFrameHandler (a close frame the client can read), not by
        // the decoder closing the socket under a client that is still sending.
        p.addLast(HandlerNames.WS_OVERSIZED, new OversizedFrameHandler());
        p.addLast(HandlerNames.WS_PROTOCOL, new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(WsPathHandler.PREFIX)
                .checkStartsWith(true)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(Limits.MAX_FRAME_BYTES)
                        .closeOnProtocolViolation(false)
                        .build())
                .handshakeTimeoutMillis(10_000)
                .dropPongFrames(true)
                .build()));
        p.addLast(HandlerNames.WS_FRAME_AGGREGATOR, new WebSocketFrameAggregator(Limits.MAX_FRAME_BYTES));
        p.addLast(HandlerNames.WS_SESSION, new NodeSessionHandler(json, frames, registrationTimeout));
        p.addLast(HandlerNames.API, api);
        p.addLast(HandlerNames.EXCEPTIONS, tail);
    }
}

package io.smainer.daemon.relay;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.smainer.daemon.health.DaemonMetrics;
import io.smainer.daemon.health.DaemonState;
import io.smainer.protocol.Limits;
import io.smainer.protocol.json.ProtocolJson;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The one place that assembles the relay pipeline (order in {@link HandlerNames#ORDER}). Order
 * matters: TLS first; the idle detector right after it so every inbound byte (control frames,
 * handshake) counts as traffic; the WebSocket protocol handler before the aggregator and codec so
 * ping/pong/close never reach the application; registration before heartbeat (heartbeats start on
 * its {@code Registered} event); the exception handler last.
 */
public final class RelayChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final URI uri;
    private final SslContext ssl;
    private final ProtocolJson json;
    private final DaemonMetrics metrics;
    private final DaemonState state;
    private final RegisterSource register;
    private final HeartbeatSource heartbeat;
    private final RelayListener listener;
    private final Duration heartbeatInterval;
    private final Duration ackTimeout;

    public RelayChannelInitializer(URI uri, SslContext ssl, ProtocolJson json, DaemonMetrics metrics, DaemonState state,
                                   RegisterSource register, HeartbeatSource heartbeat, RelayListener listener,
                                   Duration heartbeatInterval, Duration ackTimeout) {
        this.uri = uri;
        this.ssl = ssl;
        this.json = json;
        this.metrics = metrics;
        this.state = state;
        this.register = register;
        this.heartbeat = heartbeat;
        this.listener = listener;
        this.heartbeatInterval = heartbeatInterval;
        this.ackTimeout = ackTimeout;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        if (ssl != null) {
            p.addLast(HandlerNames.TLS, tls(ch));
        }
        Duration dead = heartbeatInterval.multipliedBy(2);
        p.addLast(HandlerNames.IDLE, new IdleStateHandler(dead.toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        p.addLast(HandlerNames.DEAD_CONNECTION, new DeadConnectionHandler(dead));
        p.addLast(HandlerNames.HTTP_CODEC, new HttpClientCodec());
        p.addLast(HandlerNames.HTTP_AGGREGATOR, new HttpObjectAggregator(64 * 1024));
        p.addLast(HandlerNames.WS_PROTOCOL, new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .version(WebSocketVersion.V13)
                .customHeaders(new DefaultHttpHeaders())
                .maxFramePayloadLength(Limits.MAX_FRAME_BYTES)
                .handshakeTimeoutMillis(ackTimeout.toMillis())
                .dropPongFrames(true)
                .handleCloseFrames(true)
                .build()));
        p.addLast(HandlerNames.WS_AGGREGATOR, new WebSocketFrameAggregator(Limits.MAX_FRAME_BYTES));
        p.addLast(HandlerNames.FRAME_CODEC, new RelayFrameCodec(json, metrics));
        p.addLast(HandlerNames.REGISTRATION, new RegistrationHandler(register, ackTimeout));
        p.addLast(HandlerNames.HEARTBEAT, new HeartbeatHandler(heartbeat, heartbeatInterval, metrics));
        p.addLast(HandlerNames.DISPATCH, new RelayDispatchHandler(listener, state));
        p.addLast(HandlerNames.EXCEPTIONS, new RelayExceptionHandler());
    }

    /** Normal certificate and host-name checks against the JDK trust store: never trust-all. */
    private SslHandler tls(SocketChannel ch) {
        int port = uri.getPort() > 0 ? uri.getPort() : 443;
        SSLEngine engine = ssl.newEngine(ch.alloc(), uri.getHost(), port);
        SSLParameters params = engine.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(params);
        return new SslHandler(engine);
    }
}

package io.smainer.daemon.relay;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.smainer.daemon.health.ConnectionState;
import io.smainer.daemon.health.DaemonMetrics;
import io.smainer.daemon.health.DaemonState;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one WebSocket connection to the relayer alive forever: connect, and on every failure or
 * close reconnect after {@link ReconnectBackoff} (reset once a connection stayed registered for
 * {@code stableAfter}). Each attempt is logged once at INFO with the reason.
 */
public final class RelayClient {
    private static final Logger log = LoggerFactory.getLogger(RelayClient.class);

    private final URI uri;
    private final Bootstrap bootstrap;
    private final EventLoopGroup group;
    private final ReconnectBackoff backoff;
    private final RelayLink link;
    private final DaemonState state;
    private final DaemonMetrics metrics;
    private final Duration stableAfter;
    private volatile boolean stopped;
    private volatile Channel current;

    public RelayClient(URI uri, EventLoopGroup group, RelayChannelInitializer initializer, ReconnectBackoff backoff,
                       RelayLink link, DaemonState state, DaemonMetrics metrics, Duration stableAfter, Duration connectTimeout) {
        this.uri = uri;
        this.group = group;
        this.backoff = backoff;
        this.link = link;
        this.state = state;
        this.metrics = metrics;
        this.stableAfter = stableAfter;
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(initializer);
    }

    public void start() {
        log.info("relay: connecting to {}", uri);
        connect();
    }

    private void connect() {
        if (stopped) {
            return;
        }
        state.connection(ConnectionState.CONNECTING);
        int port = uri.getPort() > 0 ? uri.getPort() : ("wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        ChannelFuture f = bootstrap.connect(uri.getHost(), port);
        current = f.channel();
        f.addListener(done -> {
            if (!done.isSuccess()) {
                Throwable c = done.cause();
                reconnect("connect to " + uri.getHost() + ":" + port + " failed: " + c.getClass().getSimpleName()
                        + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")"));
                return;
            }
            state.connection(ConnectionState.CONNECTED);
            Channel ch = f.channel();
            ch.closeFuture().addListener(closed -> {
                String reason = CloseReason.of(ch);
                if (link.registeredFor(ch).compareTo(stableAfter) >= 0) {
                    backoff.reset();
                }
                link.disconnected(ch);
                state.disconnected(reason);
                reconnect(reason);
            });
        });
    }

    private void reconnect(String reason) {
        if (stopped) {
            return;
        }
        Duration delay = backoff.next();
        metrics.reconnect();
        log.info("relay: reconnect attempt {} to {} in {} ms: {}", backoff.attempts(), uri, delay.toMillis(), reason);
        group.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops reconnecting and closes the connection with a WebSocket close frame (going away). */
    public void stop(Duration wait) {
        stopped = true;
        Channel ch = current;
        if (ch != null && ch.isActive()) {
            ch.attr(CloseReason.KEY).setIfAbsent("daemon shutting down");
            ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE))
                    .addListener(f -> ch.close());
            ch.closeFuture().awaitUninterruptibly(wait.toMillis());
        }
        state.connection(ConnectionState.STOPPED);
    }
}

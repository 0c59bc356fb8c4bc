package io.smainer.daemon.relay;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import io.smainer.daemon.health.DaemonMetrics;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.Ping;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * After registration, every interval: a {@code node_heartbeat}, a WebSocket ping frame and an
 * application {@code ping}, so that a healthy relayer always produces inbound traffic (pong, ack)
 * and {@link DeadConnectionHandler} can tell a dead path from a quiet one. The first heartbeat goes
 * out at once; {@link #HEARTBEAT_NOW} sends one immediately (drain started).
 */
public final class HeartbeatHandler extends ChannelDuplexHandler {
    /** User event: send a heartbeat now (e.g. the drain state changed). */
    public static final Object HEARTBEAT_NOW = new Object() {
        @Override
        public String toString() {
            return "HEARTBEAT_NOW";
        }
    };

    private final HeartbeatSource source;
    private final Duration interval;
    private final DaemonMetrics metrics;
    private ScheduledFuture<?> task;

    public HeartbeatHandler(HeartbeatSource source, Duration interval, DaemonMetrics metrics) {
        this.source = source;
        this.interval = interval;
        this.metrics = metrics;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof RegistrationHandler.Registered && task == null) {
            beat(ctx);
            long ms = interval.toMillis();
            task = ctx.executor().scheduleAtFixedRate(() -> beat(ctx), ms, ms, TimeUnit.MILLISECONDS);
        } else if (evt == HEARTBEAT_NOW && task != null) {
            beat(ctx);
        }
        super.userEventTriggered(ctx, evt);
    }

    private void beat(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        ctx.write(source.next());
        ctx.write(new PingWebSocketFrame());
        ctx.writeAndFlush(new Ping(Frames.newEventId(), Frames.now()));
        metrics.heartbeat();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        ctx.fireChannelInactive();
    }
}

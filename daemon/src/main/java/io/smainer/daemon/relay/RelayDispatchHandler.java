package io.smainer.daemon.relay;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.smainer.daemon.health.DaemonState;
import io.smainer.protocol.wire.Ack;
import io.smainer.protocol.wire.ErrorFrame;
import io.smainer.protocol.wire.EventType;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.Ping;
import io.smainer.protocol.wire.Pong;
import io.smainer.protocol.wire.TaskAssigned;
import io.smainer.protocol.wire.TaskCancel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes decoded relayer frames: tasks and acks to the {@link RelayListener}, application
 * {@code ping} answered with {@code pong} here, {@code error} frames logged. Frames only a provider
 * sends are logged and ignored.
 */
public final class RelayDispatchHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RelayDispatchHandler.class);

    private final RelayListener listener;
    private final DaemonState state;

    public RelayDispatchHandler(RelayListener listener, DaemonState state) {
        this.listener = listener;
        this.state = state;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        state.inbound();
        if (msg instanceof TaskAssigned t) {
            listener.onTaskAssigned(t);
        } else if (msg instanceof Ack a) {
            listener.onAck(a);
        } else if (msg instanceof TaskCancel c) {
            listener.onTaskCancel(c);
        } else if (msg instanceof Ping p) {
            ctx.writeAndFlush(new Pong(Frames.newEventId(), Frames.now(), p.timestamp()));
        } else if (msg instanceof Pong) {
            state.heartbeatAcked(); // the relayer answered this heartbeat round's ping
        } else if (msg instanceof ErrorFrame e) {
            log.warn("relay: error frame from the relayer: code={}, message={}", e.errorCode(),
                    io.smainer.protocol.Limits.clip(e.errorMessage(), 200));
        } else if (msg instanceof io.smainer.protocol.wire.WsMessage m) {
            log.warn("relay: ignored {} (a provider-to-relayer frame) from the relayer", EventType.of(m).wireName());
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof RegistrationHandler.Registered r) {
            listener.onRegistered(ctx.channel(), r.features());
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        listener.onDisconnected(ctx.channel(), CloseReason.of(ctx.channel()));
        ctx.fireChannelInactive();
    }
}

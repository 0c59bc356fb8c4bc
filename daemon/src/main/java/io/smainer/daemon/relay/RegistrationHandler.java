package io.smainer.daemon.relay;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import io.smainer.protocol.wire.Ack;
import io.smainer.protocol.wire.NodeRegister;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code node_register} once the WebSocket handshake completes and waits for its ack (≤ 30 s
 * by default, PROTOCOL.md §2). Success fires {@link Registered} down the pipeline; a refusal or no
 * ack in time closes the connection so the client reconnects.
 */
public final class RegistrationHandler extends ChannelDuplexHandler {
    private static final Logger log = LoggerFactory.getLogger(RegistrationHandler.class);

    /** User event: the relayer accepted this node on this connection. */
    public record Registered(java.util.List<String> features) {}

    private final RegisterSource register;
    private final Duration ackTimeout;
    private String pendingEventId;
    private ScheduledFuture<?> timeout;
    private boolean registered;

    public RegistrationHandler(RegisterSource register, Duration ackTimeout) {
        this.register = register;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            sendRegister(ctx);
        } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            CloseReason.close(ctx.channel(), "WebSocket handshake timed out");
        }
        super.userEventTriggered(ctx, evt);
    }

    private void sendRegister(ChannelHandlerContext ctx) {
        NodeRegister frame = register.next();
        pendingEventId = frame.eventId();
        log.info("relay: sending node_register for node {} (event_id={})", frame.nodeId(), frame.eventId());
        ctx.writeAndFlush(frame);
        timeout = ctx.executor().schedule(() -> {
            if (!registered) {
                log.warn("relay: no ack of node_register within {} s", ackTimeout.toSeconds());
                CloseReason.close(ctx.channel(), "no ack of node_register within " + ackTimeout.toMillis() + " ms");
            }
        }, ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Ack ack && pendingEventId != null && pendingEventId.equals(ack.ackEventId())) {
            pendingEventId = null;
            cancelTimeout();
            if (ack.success()) {
                registered = true;
                log.info("relay: registered (features={})", ack.features());
                ctx.fireUserEventTriggered(new Registered(ack.features()));
            } else {
                String why = ack.message() == null ? "" : io.smainer.protocol.Limits.clip(ack.message(), 200);
                log.warn("relay: node_register refused: {}", why);
                CloseReason.close(ctx.channel(), "node_register refused by the relayer: " + why);
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelTimeout();
        ctx.fireChannelInactive();
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }
}

package io.smainer.relayer.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import io.smainer.protocol.ProtocolException;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.wire.Ack;
import io.smainer.protocol.wire.ErrorFrame;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.NodeHeartbeat;
import io.smainer.protocol.wire.NodeRegister;
import io.smainer.protocol.wire.Ping;
import io.smainer.protocol.wire.Pong;
import io.smainer.protocol.wire.TaskCompleted;
import io.smainer.protocol.wire.TaskFailed;
import io.smainer.protocol.wire.TaskStreamChunk;
import io.smainer.protocol.wire.WsMessage;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's frames after the handshake: parses each text frame, answers protocol errors with an
 * {@code error} frame (the connection stays open), lets only {@code node_register}, {@code ping} and
 * {@code pong} through before registration, and hands the rest to {@link NodeFrames}. A connection that
 * does not register within {@code registrationTimeout} is closed (1008).
 */
public final class NodeSessionHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    /** The node id from the URL, set by {@link WsPathHandler}. */
    public static final AttributeKey<String> NODE_ID = AttributeKey.valueOf("smainer.nodeId");
    private static final Logger log = LoggerFactory.getLogger(NodeSessionHandler.class);

    private final ProtocolJson json;
    private final NodeFrames frames;
    private final Duration registrationTimeout;
    private ChannelNodeSession session;

    public NodeSessionHandler(ProtocolJson json, NodeFrames frames, Duration registrationTimeout) {
        this.json = json;
        this.frames = frames;
        this.registrationTimeout = registrationTimeout;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            session = new ChannelNodeSession(ctx.channel(), ctx.channel().attr(NODE_ID).get(), json);
            ctx.executor().schedule(() -> {
                if (!session.isRegistered()) {
                    session.close(1008, "node_register not accepted within " + registrationTimeout.toSeconds() + " s");
                }
            }, registrationTimeout.toMillis(), TimeUnit.MILLISECONDS);
            log.debug("node {} connected from {}", session.nodeId(), ctx.channel().remoteAddress());
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (session == null) {
            return; // cannot happen after a completed handshake; nothing to answer to
        }
        if (!(frame instanceof TextWebSocketFrame text)) {
            session.error(WsErrorCode.UNSUPPORTED_FRAME, "only text frames carry protocol messages");
            return;
        }
        WsMessage message;
        try {
            message = json.readFrame(io.netty.buffer.ByteBufUtil.getBytes(text.content()));
        } catch (ProtocolException e) {
            session.error(WsErrorCode.valueOf(e.kind().name()), e.getMessage());
            return;
        }
        dispatch(message);
    }

    private void dispatch(WsMessage m) {
        if (m instanceof NodeRegister r) {
            frames.register(session, r);
        } else if (m instanceof Ping p) {
            session.send(new Pong(Frames.newEventId(), Frames.now(), p.timestamp()));
            frames.inbound(session);
        } else if (m instanceof Pong || m instanceof Ack) {
            frames.inbound(session);
        } else if (m instanceof ErrorFrame e) {
            log.debug("node {} reported error {}", session.nodeId(), e.errorCode()); // never answer an error with one
        } else if (!session.isRegistered()) {
            session.error(WsErrorCode.NOT_REGISTERED, "send node_register and wait for its ack before "
                    + io.smainer.protocol.wire.EventType.of(m).wireName());
        } else if (m instanceof NodeHeartbeat hb) {
            frames.heartbeat(session, hb);
        } else if (m instanceof TaskCompleted c) {
            frames.completed(session, c);
        } else if (m instanceof TaskFailed f) {
            frames.failed(session, f);
        } else if (m instanceof TaskStreamChunk c) {
            frames.chunk(session, c);
        } else {
            session.error(WsErrorCode.UNEXPECTED_EVENT_TYPE, io.smainer.protocol.wire.EventType.of(m).wireName()
                    + " is sent by the relayer, not by a node");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (session != null) {
            frames.closed(session);
        }
        super.channelInactive(ctx);
    }
}

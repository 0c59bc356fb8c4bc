package io.smainer.daemon.relay;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.smainer.daemon.health.DaemonMetrics;
import io.smainer.protocol.ProtocolException;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.wire.ErrorFrame;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.WsMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text frames ↔ {@link WsMessage} through {@link ProtocolJson}. A frame from the relayer that is not
 * valid is never fatal: an unknown {@code event_type} is answered with an {@code error} frame
 * (PROTOCOL.md §2), invalid JSON or fields are logged (kind and location, never content) and
 * dropped, binary frames are ignored.
 */
public final class RelayFrameCodec extends MessageToMessageCodec<WebSocketFrame, WsMessage> {
    private static final Logger log = LoggerFactory.getLogger(RelayFrameCodec.class);

    private final ProtocolJson json;
    private final DaemonMetrics metrics;

    public RelayFrameCodec(ProtocolJson json, DaemonMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, WsMessage msg, List<Object> out) {
        out.add(new TextWebSocketFrame(json.writeFrame(msg)));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
        if (frame instanceof TextWebSocketFrame) {
            byte[] bytes = ByteBufUtil.getBytes(frame.content());
            try {
                WsMessage msg = json.readFrame(bytes);
                log.debug("relay: received {} event_id={}", msg.getClass().getSimpleName(), msg.eventId());
                out.add(msg);
            } catch (ProtocolException e) {
                metrics.invalidFrame();
                if (e.kind() == ProtocolException.Kind.UNKNOWN_EVENT_TYPE) {
                    log.warn("relay: unknown event_type '{}' answered with an error frame", e.eventType());
                    // written as a frame: this codec's own encoder sits at ctx and would be skipped
                    ctx.writeAndFlush(new TextWebSocketFrame(json.writeFrame(new ErrorFrame(Frames.newEventId(), Frames.now(),
                            e.kind().code(), "unknown event_type '" + e.eventType() + "'"))));
                } else {
                    log.warn("relay: dropped an invalid frame of {} bytes: {} at {}", bytes.length, e.kind().code(), e.location());
                }
            }
        } else if (frame instanceof BinaryWebSocketFrame) {
            metrics.invalidFrame();
            log.warn("relay: ignored a binary frame of {} bytes (the protocol is JSON text)", frame.content().readableBytes());
        } else {
            // ping/pong/close are handled before this codec; anything else carries nothing for us
            log.debug("relay: ignored {}", frame.getClass().getSimpleName());
        }
    }
}

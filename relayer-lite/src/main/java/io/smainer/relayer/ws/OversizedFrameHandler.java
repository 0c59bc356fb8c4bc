package io.smainer.relayer.ws;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a frame the decoder refused (over {@code Limits.MAX_FRAME_BYTES}: 1009, or malformed: 1002)
 * with a close frame the client can actually read: the decoder is configured not to close on its own,
 * because closing a socket whose peer is still sending makes the kernel answer with RST and the client
 * never sees the close code. Here the close frame is sent, our side half-closes, the rest of the
 * client's frame is discarded by the decoder, and the connection closes when the client does (or after
 * {@link #LINGER_SECONDS}). Must sit before {@code ws-protocol}, which would close at once.
 */
final class OversizedFrameHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(OversizedFrameHandler.class);
    static final int LINGER_SECONDS = 10;

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof CorruptedWebSocketFrameException corrupt)) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        WebSocketCloseStatus status = corrupt.closeStatus() == null ? WebSocketCloseStatus.PROTOCOL_ERROR : corrupt.closeStatus();
        LOG.info("ws: refusing a frame from {} with close {} ({})", ctx.channel().remoteAddress(), status.code(),
                status.reasonText());
        ctx.writeAndFlush(new CloseWebSocketFrame(status)).addListener((ChannelFutureListener) f -> {
            if (f.channel() instanceof DuplexChannel duplex) {
                duplex.shutdownOutput();
            }
            f.channel().eventLoop().schedule(() -> f.channel().close(), LINGER_SECONDS, TimeUnit.SECONDS);
        });
    }
}

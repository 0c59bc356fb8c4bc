package io.smainer.daemon.relay;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tail of the relay pipeline: expected network and peer errors (resets, TLS failures, oversized or
 * corrupted frames, refused handshakes) are logged at DEBUG/WARN without a stack; anything else is a
 * bug, logged at ERROR. Either way the connection closes and the client reconnects.
 */
public final class RelayExceptionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RelayExceptionHandler.class);

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause.getCause() != null && cause instanceof io.netty.handler.codec.DecoderException
                ? cause.getCause() : cause;
        String what = root.getClass().getSimpleName() + ": " + root.getMessage();
        if (root instanceof SSLException || root instanceof WebSocketHandshakeException) {
            log.warn("relay: {}", what);
            CloseReason.close(ctx.channel(), what);
        } else if (root instanceof TooLongFrameException || root instanceof CorruptedFrameException
                || root instanceof CorruptedWebSocketFrameException) {
            log.warn("relay: protocol violation by the relayer: {}", root.getClass().getSimpleName());
            CloseReason.close(ctx.channel(), "protocol violation by the relayer: " + root.getClass().getSimpleName());
        } else if (root instanceof IOException) {
            log.debug("relay: I/O error: {}", what);
            CloseReason.close(ctx.channel(), "I/O error: " + what);
        } else {
            log.error("relay: unexpected error in the relay pipeline", cause);
            CloseReason.close(ctx.channel(), "internal error: " + root.getClass().getSimpleName());
        }
    }
}

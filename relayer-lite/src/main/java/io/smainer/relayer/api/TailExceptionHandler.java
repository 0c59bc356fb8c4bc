package io.smainer.relayer.api;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of every pipeline: expected network trouble (resets, closed channels, garbage bytes)
 * is DEBUG; anything else is a bug, logged at ERROR, and the connection is closed.
 */
@ChannelHandler.Sharable
public final class TailExceptionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(TailExceptionHandler.class);

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause instanceof ClosedChannelException || cause instanceof DecoderException
                || cause instanceof PrematureChannelClosureException) {
            log.debug("connection {} closed after network error: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            log.error("unexpected error on connection {}; closing it", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}

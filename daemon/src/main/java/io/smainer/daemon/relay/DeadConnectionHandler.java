package io.smainer.daemon.relay;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Declares the connection dead when the {@code idle} handler reports no inbound traffic for
 * 2 × the heartbeat interval — the only way to notice a black-holed TCP path (no FIN, no RST) —
 * and closes it so the client reconnects.
 */
public final class DeadConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(DeadConnectionHandler.class);

    private final Duration limit;

    public DeadConnectionHandler(Duration limit) {
        this.limit = limit;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent e && e.state() == IdleState.READER_IDLE) {
            log.warn("relay: no inbound traffic for {} ms; declaring the connection dead", limit.toMillis());
            CloseReason.close(ctx.channel(), "no inbound traffic for " + limit.toMillis() + " ms (dead connection)");
            return;
        }
        super.userEventTriggered(ctx, evt);
    }
}

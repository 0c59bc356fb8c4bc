package io.smainer.relayer.callback;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection of {@link NettyCallbackClient}, one request at a time, on the channel's event loop. The
 * response head completes the request with its status; the end of the body hands the connection back
 * ({@code onReusable}) when both sides keep it alive, else closes it. An error, a close before the end
 * of the response, or the timeout fails the request (if the head had not come yet) and closes the
 * connection. Response bodies are discarded unread.
 */
final class CallbackResponseHandler extends ChannelInboundHandlerAdapter {
    private ChannelHandlerContext ctx;
    /** The request in progress, until its response ended; completed early, at the head. */
    private CompletableFuture<Integer> inFlight;
    private boolean reused;
    private boolean headSeen;
    private boolean keepAlive;
    private Runnable onReusable;
    private ScheduledFuture<?> timeout;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Starts a request on this connection; {@code reused} marks a pooled connection (see StaleConnectionException). */
    void begin(CompletableFuture<Integer> request, boolean reused, Duration limit, Runnable onReusable) {
        this.inFlight = request;
        this.reused = reused;
        this.headSeen = false;
        this.keepAlive = false;
        this.onReusable = onReusable;
        this.timeout = ctx.executor().schedule(() -> {
            if (inFlight == request) {
                fail(ctx.channel(), new SocketTimeoutException("no complete response within " + limit.toMillis() + " ms"));
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (inFlight == null) {
                ctx.close(); // a response nobody asked for
                return;
            }
            if (msg instanceof HttpResponse r) {
                headSeen = true;
                keepAlive = HttpUtil.isKeepAlive(r);
                inFlight.complete(r.status().code());
            }
            if (msg instanceof LastHttpContent && headSeen) {
                timeout.cancel(false);
                Runnable back = onReusable;
                inFlight = null;
                onReusable = null;
                if (keepAlive) {
                    back.run();
                } else {
                    ctx.close();
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (inFlight != null) {
            fail(ctx.channel(), reused && !headSeen ? new NettyCallbackClient.StaleConnectionException()
                    : new IOException("connection closed before the response ended"));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && inFlight == null) {
            ctx.close();
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx.channel(), cause);
    }

    /** Fails the request in progress (unless its head already completed it) and closes the connection. */
    void fail(Channel ch, Throwable cause) {
        if (timeout != null) {
            timeout.cancel(false);
        }
        CompletableFuture<Integer> request = inFlight;
        inFlight = null;
        onReusable = null;
        if (request != null) {
            request.completeExceptionally(cause);
        }
        ch.close();
    }
}

package io.smainer.relayer.api;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.util.concurrent.CompletableFuture;

/**
 * Runs {@link ApiRoutes} for each aggregated request and writes the answer on the channel's loop;
 * every failure goes through {@link ApiErrors} once. Stateless and shared by all channels.
 */
@ChannelHandler.Sharable
public final class HttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final ApiRoutes routes;
    private final ApiErrors errors;

    public HttpApiHandler(ApiRoutes routes, ApiErrors errors) {
        this.routes = routes;
        this.errors = errors;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        String route = req.method() + " " + req.uri();
        CompletableFuture<ApiResponse> answer;
        if (!req.decoderResult().isSuccess()) {
            answer = CompletableFuture.completedFuture(errors.error(400, "bad_request", "malformed HTTP request"));
            keepAlive = false;
        } else {
            try {
                answer = routes.handle(req);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
        }
        boolean keep = keepAlive;
        answer.whenComplete((r, e) -> {
            ApiResponse out = e == null ? r : errors.toResponse(e, route);
            ctx.executor().execute(() -> HttpResponses.send(ctx, HttpResponses.json(out.status(), out.body()), keep));
        });
    }
}

package io.smainer.relayer.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.smainer.protocol.api.ApiError;
import io.smainer.protocol.json.ProtocolJson;
import java.util.Date;

/** Writes JSON responses; keep-alive follows the request unless the answer must close the connection. */
public final class HttpResponses {
    private HttpResponses() {}

    public static FullHttpResponse json(int status, byte[] body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        // RFC 9110 §6.6.1: a server with a clock sends Date; `smainer doctor` reads it for clock skew.
        r.headers().set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
        HttpUtil.setContentLength(r, body.length);
        return r;
    }

    public static FullHttpResponse error(ProtocolJson json, int status, String code, String detail) {
        return json(status, json.write(new ApiError(detail, code)));
    }

    /** Sends and, unless {@code keepAlive}, closes after the write. */
    public static ChannelFuture send(ChannelHandlerContext ctx, FullHttpResponse r, boolean keepAlive) {
        HttpUtil.setKeepAlive(r, keepAlive);
        ChannelFuture f = ctx.writeAndFlush(r);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
        return f;
    }
}

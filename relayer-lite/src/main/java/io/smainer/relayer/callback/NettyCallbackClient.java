package io.smainer.relayer.callback;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * Callback POSTs over Netty: HTTP/1.1 with keep-alive connections pooled per origin (scheme, host, port),
 * TLS with host-name verification against the JDK's trust store for https. It replaced the JDK
 * {@code HttpClient}, whose worker and selector threads used ≈ 0.3 ms of CPU per task (two callbacks)
 * at saturation, against ≈ 0.08 ms for this client's event loop, and which finished an exchange only
 * with the response body: a receiver with Nagle's algorithm on (the JDK {@code HttpServer}) held that
 * for up to 40 ms, and the task's next callback with it (docs/performance.md, "relayer-lite").
 * A request completes with the status as soon
 * as the response head arrives; its connection goes back to the pool once the body was read, and is
 * closed when the receiver asked for that, on any error, and at the timeout. A pooled connection that
 * the receiver closed while idle is retried once on a new one. The callers cap concurrent requests per
 * origin ({@link CallbackDispatcher}), so the pool holds at most that many connections per receiver.
 */
public final class NettyCallbackClient implements CallbackTransport {
    static final int IDLE_SECONDS = 60;
    private final EventLoopGroup group;
    private final Class<? extends Channel> channelType;
    private final SslContext tls;
    private final Duration requestTimeout;
    private final int connectTimeoutMillis;
    private final Map<String, ConcurrentLinkedDeque<Channel>> idle = new ConcurrentHashMap<>();

    /**
     * @param group          event loop(s) for the connections; shut down by {@link #close}
     * @param requestTimeout from the request's start until the whole response was read
     */
    public NettyCallbackClient(EventLoopGroup group, Class<? extends Channel> channelType, Duration connectTimeout,
                               Duration requestTimeout) {
        this.group = group;
        this.channelType = channelType;
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.requestTimeout = requestTimeout;
        try {
            this.tls = SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new IllegalStateException("no TLS client context for callbacks: " + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<Integer> post(URI url, Map<String, String> headers, byte[] body) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Origin origin;
        try {
            origin = Origin.of(url);
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(e);
            return result;
        }
        FullHttpRequest request = request(url, origin, headers, body);
        send(origin, request, result, true);
        return result;
    }

    private void send(Origin origin, FullHttpRequest request, CompletableFuture<Integer> result, boolean mayRetry) {
        Channel pooled = pollIdle(origin);
        if (pooled != null) {
            CompletableFuture<Integer> attempt = new CompletableFuture<>();
            attempt.whenComplete((status, e) -> {
                if (e instanceof StaleConnectionException && mayRetry) {
                    send(origin, request, result, false);
                } else if (e != null) {
                    request.release();
                    result.completeExceptionally(e);
                } else {
                    request.release();
                    result.complete(status);
                }
            });
            exchange(pooled, origin, request.retainedDuplicate(), attempt, true);
            return;
        }
        new Bootstrap().group(group).channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (origin.tls) {
                            SSLEngine engine = tls.newEngine(ch.alloc(), origin.host, origin.port);
                            SSLParameters p = engine.getSSLParameters();
                            p.setEndpointIdentificationAlgorithm("HTTPS");
                            engine.setSSLParameters(p);
                            ch.pipeline().addLast(new SslHandler(engine));
                        }
                        // Pooled connections that stay unused this long are closed (the handler ignores the
                        // event while a request is in progress: that has its own timeout).
                        ch.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS),
                                new HttpClientCodec(), new CallbackResponseHandler());
                    }
                })
                .connect(origin.host, origin.port)
                .addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        request.release();
                        result.completeExceptionally(f.cause());
                        return;
                    }
                    f.channel().closeFuture().addListener(closed -> forget(origin, f.channel()));
                    CompletableFuture<Integer> attempt = new CompletableFuture<>();
                    attempt.whenComplete((status, e) -> {
                        request.release();
                        if (e != null) {
                            result.completeExceptionally(e);
                        } else {
                            result.complete(status);
                        }
                    });
                    exchange(f.channel(), origin, request.retainedDuplicate(), attempt, false);
                });
    }

    private void exchange(Channel ch, Origin origin, FullHttpRequest request, CompletableFuture<Integer> attempt,
                          boolean reused) {
        CallbackResponseHandler handler = ch.pipeline().get(CallbackResponseHandler.class);
        ch.eventLoop().execute(() -> {
            if (!ch.isActive() || handler == null) {
                request.release();
                attempt.completeExceptionally(reused ? new StaleConnectionException() : new java.io.IOException("connection closed"));
                return;
            }
            handler.begin(attempt, reused, requestTimeout, () -> offerIdle(origin, ch));
            ch.writeAndFlush(request).addListener((ChannelFutureListener) w -> {
                if (!w.isSuccess()) {
                    handler.fail(ch, reused ? new StaleConnectionException() : w.cause());
                }
            });
        });
    }

    private Channel pollIdle(Origin origin) {
        ConcurrentLinkedDeque<Channel> q = idle.get(origin.key);
        for (Channel ch; q != null && (ch = q.pollLast()) != null; ) {
            if (ch.isActive()) {
                return ch;
            }
        }
        return null;
    }

    private void offerIdle(Origin origin, Channel ch) {
        if (ch.isActive()) {
            idle.computeIfAbsent(origin.key, k -> new ConcurrentLinkedDeque<>()).addLast(ch);
        }
    }

    private void forget(Origin origin, Channel ch) {
        ConcurrentLinkedDeque<Channel> q = idle.get(origin.key);
        if (q != null) {
            q.remove(ch);
        }
    }

    private static FullHttpRequest request(URI url, Origin origin, Map<String, String> headers, byte[] body) {
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, path,
                Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.HOST, origin.hostHeader);
        headers.forEach((k, v) -> r.headers().set(k, v));
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return r;
    }

    @Override
    public void close() {
        idle.values().forEach(q -> q.forEach(Channel::close));
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }

    /** Scheme, host and port of a callback URL; the pool key. */
    private record Origin(String key, String host, int port, boolean tls, String hostHeader) {
        static Origin of(URI url) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("not an http(s) URL: scheme '" + scheme + "'");
            }
            if (url.getHost() == null) {
                throw new IllegalArgumentException("URL without a host");
            }
            boolean tls = scheme.equals("https");
            int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
            String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1) : url.getHost();
            String hostHeader = url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + port;
            return new Origin(scheme + "://" + url.getHost() + ":" + port, host, port, tls, hostHeader);
        }
    }

    /** A pooled connection the receiver had closed before our request reached it: retried on a new one. */
    static final class StaleConnectionException extends java.io.IOException {
        StaleConnectionException() {
            super("pooled connection was closed by the receiver", null);
        }
    }
}

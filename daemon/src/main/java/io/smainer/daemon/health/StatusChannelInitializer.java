package io.smainer.daemon.health;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;

/** Pipeline of the local status endpoint: idle clients are dropped, request bodies are tiny. */
public final class StatusChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final StatusSnapshot status;
    private final DaemonMetrics metrics;

    public StatusChannelInitializer(StatusSnapshot status, DaemonMetrics metrics) {
        this.status = status;
        this.metrics = metrics;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast("read-timeout", new ReadTimeoutHandler(30))
                .addLast("http-codec", new HttpServerCodec())
                .addLast("http-aggregator", new HttpObjectAggregator(8 * 1024))
                .addLast("status", new StatusHttpHandler(status, metrics));
    }
}

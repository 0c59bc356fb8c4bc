package io.smainer.daemon.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local, read-only status endpoint on loopback. After binding it writes
 * {@code <state-dir>/status.json} ({@code {"url","port","pid"}}) so tools find an ephemeral port.
 */
public final class StatusServer {
    private static final Logger log = LoggerFactory.getLogger(StatusServer.class);

    private final Channel channel;
    private final Path statusFile;

    private StatusServer(Channel channel, Path statusFile) {
        this.channel = channel;
        this.statusFile = statusFile;
    }

    public static StatusServer bind(EventLoopGroup group, String host, int port, StatusChannelInitializer init, Path stateDir) {
        Channel ch;
        try {
            ch = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class).childHandler(init)
                    .bind(host, port).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot bind the status endpoint to " + host + ":" + port
                    + " (" + e.getMessage() + "): choose another --status-port or 0 for an ephemeral port", e));
        }
        int bound = ((InetSocketAddress) ch.localAddress()).getPort();
        String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound;
        Path file = stateDir.resolve("status.json");
        try {
            Path tmp = stateDir.resolve("status.json.tmp");
            new ObjectMapper().writeValue(tmp.toFile(), Map.of("url", url, "port", bound, "pid", ProcessHandle.current().pid()));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            ch.close();
            throw new UncheckedIOException("cannot write " + file + ": check that the state dir is writable", e);
        }
        log.info("status endpoint on {}/status and {}/metrics", url, url);
        return new StatusServer(ch, file);
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public void close() {
        channel.close().syncUninterruptibly();
        try {
            Files.deleteIfExists(statusFile);
        } catch (IOException e) {
            log.debug("cannot delete {}: {}", statusFile, e.getClass().getSimpleName());
        }
    }
}

package io.smainer.cli.node;

import com.sun.net.httpserver.HttpServer;
import io.smainer.devnet.Devnet;
import io.smainer.devnet.DevnetConfig;
import io.smainer.protocol.stark.StarkCryptos;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/** The embedded devnet behind a real loopback HTTP socket at /rpc, for chain command tests. */
public final class LoopbackDevnet implements AutoCloseable {
    public final Devnet devnet;
    private final HttpServer server;

    public LoopbackDevnet(Path dataDir) throws IOException {
        devnet = new Devnet(DevnetConfig.defaults(dataDir, StarkCryptos.fast()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/rpc", exchange -> {
            byte[] body = devnet.rpc().handle(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/rpc";
    }

    @Override
    public void close() {
        server.stop(0);
        devnet.close();
    }
}

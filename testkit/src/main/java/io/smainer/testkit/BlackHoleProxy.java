package io.smainer.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy for tests that can stop forwarding without closing anything (a black-holed path: no
 * FIN, no RST), per direction, and whose upstream port can change (a restarted relayer).
 */
public final class BlackHoleProxy implements AutoCloseable {
    private final ServerSocket server;
    private volatile int upstreamPort;
    private volatile boolean dropToServer;
    private volatile boolean dropToClient;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Conn> conns = new CopyOnWriteArrayList<>();

    private static final class Conn {
        volatile boolean dropToServer;
        volatile boolean dropToClient;
    }

    public BlackHoleProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public void upstream(int port) {
        upstreamPort = port;
    }

    /** Existing and new connections stop forwarding both ways; sockets stay open. */
    public void blackHoleAll() {
        dropToServer = true;
        dropToClient = true;
        conns.forEach(c -> {
            c.dropToServer = true;
            c.dropToClient = true;
        });
    }

    /** Existing and new connections drop client→server bytes only. */
    public void dropClientToServer() {
        dropToServer = true;
        conns.forEach(c -> c.dropToServer = true);
    }

    /** New connections forward normally again; connections already black-holed stay so. */
    public void restoreForNewConnections() {
        dropToServer = false;
        dropToClient = false;
    }

    public int connectionsAccepted() {
        return conns.size();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream;
                try {
                    upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                } catch (IOException e) {
                    client.close();
                    continue;
                }
                sockets.add(client);
                sockets.add(upstream);
                Conn c = new Conn();
                c.dropToServer = dropToServer;
                c.dropToClient = dropToClient;
                conns.add(c);
                pump(client, upstream, c, true);
                pump(upstream, client, c, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, Conn c, boolean toServer) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (!(toServer ? c.dropToServer : c.dropToClient)) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                }
                if (!(toServer ? c.dropToServer : c.dropToClient)) {
                    to.shutdownOutput();
                }
            } catch (IOException e) {
                // one side went away; the other pump notices on its own
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}

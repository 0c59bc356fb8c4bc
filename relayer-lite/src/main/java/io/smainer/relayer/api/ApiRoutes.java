package io.smainer.relayer.api;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.concurrent.CompletableFuture;

/**
 * The route table of {@code /api/v1} (PROTOCOL.md §1) and of {@code /rpc}. {@code health}, {@code stats},
 * {@code chain} and {@code /rpc} are open; everything else needs the API key. Bodies are read before this returns, so the request can be released.
 */
public final class ApiRoutes {
    public static final String BASE = "/api/v1";
    /** The embedded devnet's JSON-RPC endpoint (no API key, like a local node; 404 without a devnet). */
    public static final String RPC_PATH = "/rpc";

    private final ApiAuth auth;
    private final TaskRoutes tasks;
    private final CallbackRoutes callbacks;
    private final NodeRoutes nodes;
    private final StatusRoutes status;
    private final ChainRoutes chain;

    public ApiRoutes(ApiAuth auth, TaskRoutes tasks, CallbackRoutes callbacks, NodeRoutes nodes, StatusRoutes status,
                     ChainRoutes chain) {
        this.chain = chain;
        this.auth = auth;
        this.tasks = tasks;
        this.callbacks = callbacks;
        this.nodes = nodes;
        this.status = status;
    }

    public CompletableFuture<ApiResponse> handle(FullHttpRequest req) {
        QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        String path = uri.path();
        HttpMethod m = req.method();
        if (path.equals(RPC_PATH)) {
            requireMethod(m, HttpMethod.POST, path);
            return chain.rpc(ByteBufUtil.getBytes(req.content()));
        }
        if (!path.startsWith(BASE + "/")) {
            throw ApiException.notFound("no route " + path + ": the API lives under " + BASE);
        }
        String[] p = path.substring(BASE.length() + 1).split("/", -1);
        if (p.length == 1 && p[0].equals("health")) {
            return done(only(m, HttpMethod.GET, path, () -> status.health()));
        }
        if (p.length == 1 && p[0].equals("stats")) {
            return done(only(m, HttpMethod.GET, path, () -> status.stats()));
        }
        if (p.length == 1 && p[0].equals("chain")) {
            requireMethod(m, HttpMethod.GET, path);
            return chain.info();
        }
        auth.require(req.headers());
        if (p.length == 2 && p[0].equals("devnet") && p[1].equals("faucet")) {
            requireMethod(m, HttpMethod.POST, path);
            return chain.faucet(ByteBufUtil.getBytes(req.content()));
        }
        if (p[0].equals("tasks")) {
            if (p.length == 1) {
                if (m.equals(HttpMethod.POST)) {
                    return tasks.submit(ByteBufUtil.getBytes(req.content()));
                }
                return done(only(m, HttpMethod.GET, path, () -> tasks.list(uri.parameters())));
            }
            if (p.length == 2) {
                return done(only(m, HttpMethod.GET, path, () -> tasks.get(p[1])));
            }
            if (p.length == 3 && p[2].equals("callback")) {
                if (m.equals(HttpMethod.POST)) {
                    return callbacks.register(p[1], ByteBufUtil.getBytes(req.content()));
                }
                return done(only(m, HttpMethod.GET, path, () -> callbacks.get(p[1])));
            }
        }
        if (p[0].equals("nodes")) {
            requireMethod(m, HttpMethod.GET, path);
            if (p.length == 1) {
                return nodes.list();
            }
            if (p.length == 2) {
                return p[1].equals("summary") ? nodes.summary() : nodes.one(p[1]);
            }
        }
        throw ApiException.notFound("no route " + path);
    }

    private static ApiResponse only(HttpMethod m, HttpMethod allowed, String path, java.util.function.Supplier<ApiResponse> r) {
        requireMethod(m, allowed, path);
        return r.get();
    }

    private static void requireMethod(HttpMethod m, HttpMethod allowed, String path) {
        if (!m.equals(allowed)) {
            throw new ApiException(405, "method_not_allowed", m + " is not allowed on " + path + "; use " + allowed);
        }
    }

    private static CompletableFuture<ApiResponse> done(ApiResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}

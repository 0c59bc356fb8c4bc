package io.smainer.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smainer.chain.StarknetNetwork;
import io.smainer.protocol.Limits;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Starknet JSON-RPC endpoint answers {@code starknet_chainId}. Asked with a plain JSON-RPC POST rather than
 * through starknet-jvm, so that every way it can fail is told apart (connection refused, no answer in time, an
 * HTTP status, a body that is not JSON-RPC, a JSON-RPC error) and none of them escapes: starknet-jvm throws
 * undeclared checked exceptions and hides the HTTP status.
 */
public final class StarknetRpcCheck implements DoctorCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAIN_ID_REQUEST = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"starknet_chainId\",\"params\":[]}";
    static final String START_IT = "start the devnet (relayer-lite serves /rpc), or point --rpc / SMAINER_STARKNET_RPC"
            + " at a running Starknet node";
    static final String NOT_RPC = "check that --rpc / SMAINER_STARKNET_RPC names a Starknet JSON-RPC endpoint"
            + " (e.g. http://127.0.0.1:8000/rpc); if it does, that node is unhealthy: see its logs";

    private final Duration timeout;

    /** @param timeout for connecting and for the whole answer */
    public StarknetRpcCheck(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "starknet_rpc";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        StarknetNetwork network;
        try {
            network = ctx.network();
        } catch (RuntimeException e) {
            return CheckResult.fail(name(), e.getMessage(), "pass --rpc URL or set SMAINER_STARKNET_RPC");
        }
        URI url = network.rpcUrl();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(CHAIN_ID_REQUEST)).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return CheckResult.fail(name(), "cannot reach the Starknet RPC at " + url + " (" + unreachable(e, timeout) + ")",
                    START_IT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail(name(), "interrupted while asking " + url + " for starknet_chainId", START_IT);
        }
        return answer(url, response.statusCode(), response.body());
    }

    /** Judges the answer to {@code starknet_chainId}. */
    CheckResult answer(URI url, int status, String body) {
        String asked = "the Starknet RPC at " + url + " answered starknet_chainId with ";
        if (status != 200) {
            return CheckResult.fail(name(), asked + "HTTP " + status + excerpt(body), NOT_RPC);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            return CheckResult.fail(name(), asked + "a body that is not JSON" + excerpt(body), NOT_RPC);
        }
        if (tree != null && tree.hasNonNull("error")) {
            JsonNode error = tree.get("error");
            return CheckResult.fail(name(), asked + "JSON-RPC error " + error.path("code").asText("?") + " "
                    + Limits.clip(error.path("message").asText(""), 200), NOT_RPC);
        }
        String result = tree == null ? "" : tree.path("result").asText("");
        if (!result.matches("0x[0-9a-fA-F]{1,64}")) {
            return CheckResult.fail(name(), asked + "no chain id (not JSON-RPC: no hex \"result\")" + excerpt(body), NOT_RPC);
        }
        BigInteger v = new BigInteger(result.substring(2), 16);
        return CheckResult.pass(name(), url + " answers, chain id " + shortString(v) + " (0x" + v.toString(16) + ")");
    }

    /** What stopped the request, in the operator's words. */
    static String unreachable(IOException e, Duration timeout) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException c) {
                return c.getMessage() == null || c.getMessage().toLowerCase(java.util.Locale.ROOT).contains("refused")
                        ? "connection refused" : "cannot connect: " + c.getMessage();
            }
            if (t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return "no answer within " + timeout.toMillis() + " ms";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String excerpt(String body) {
        String oneLine = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return oneLine.isEmpty() ? " (empty body)" : " (body: " + Limits.clip(oneLine, 120) + ")";
    }

    /** A Cairo short string ('SN_MAIN') when the felt is printable ASCII, else its hex. */
    static String shortString(BigInteger v) {
        byte[] b = v.toByteArray();
        int start = b.length > 0 && b[0] == 0 ? 1 : 0;
        for (int i = start; i < b.length; i++) {
            if (b[i] < 0x20 || b[i] > 0x7e) {
                return "0x" + v.toString(16);
            }
        }
        return new String(b, start, b.length - start, StandardCharsets.US_ASCII);
    }
}

package io.smainer.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.stark.Felts;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The embedded devnet's own RPC methods ({@code devnet_createAccount}, {@code devnet_mint}); they exist
 * only on relayer-lite's devnet, never on Sepolia or mainnet, so callers use them in devnet mode only.
 */
public final class DevnetFaucet {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI rpc;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DevnetFaucet(URI rpc) {
        this.rpc = rpc;
    }

    /** Deploys an account contract for {@code publicKey} and returns its address. */
    public BigInteger createAccount(BigInteger publicKey) {
        ObjectNode params = JSON.createObjectNode().put("public_key", Felts.toHex(publicKey));
        return Felts.parse("address", call("devnet_createAccount", params).get("address").asText());
    }

    /** Mints {@code amount} wei of STRK to {@code address}. */
    public void mint(BigInteger address, BigInteger amount) {
        call("devnet_mint", JSON.createObjectNode().put("address", Felts.toHex(address)).put("amount", amount.toString()));
    }

    private JsonNode call(String method, ObjectNode params) {
        ObjectNode req = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        req.set("params", params);
        try {
            HttpResponse<byte[]> res = http.send(HttpRequest.newBuilder(rpc).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(req))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = JSON.readTree(res.body());
            if (body.has("error")) {
                throw new ChainException(ChainException.Kind.RPC_ERROR, body.get("error").path("code").asInt(),
                        method + " failed: " + body.get("error").path("message").asText()
                                + " (is " + rpc + " relayer-lite's devnet? devnet_* methods exist only there)", null);
            }
            return body.get("result");
        } catch (IOException e) {
            throw new ChainException(ChainException.Kind.UNAVAILABLE, 0, method + " failed: " + rpc + " unreachable ("
                    + e.getMessage() + "); start relayer-lite with --devnet", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainException(ChainException.Kind.TIMEOUT, 0, method + " interrupted", e);
        }
    }
}

package io.smainer.relayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.devnet.Devnet;
import io.smainer.devnet.chain.Receipt;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.stark.Felts;
import io.smainer.relayer.chain.ChainGateway;
import io.smainer.relayer.config.ChainConfig;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The chain-facing routes: {@code POST /rpc} (the embedded devnet's JSON-RPC, no API key, like a local
 * node), {@code GET /api/v1/chain} (addresses for CLIs and scripts, no API key: nothing in it is secret —
 * a real network's RPC URL is published as its origin only) and the devnet faucet
 * {@code POST /api/v1/devnet/faucet} (API key; devnet only). The devnet runs on its own thread: it
 * snapshots its state to disk after every block and must never stall an I/O thread.
 */
public final class ChainRoutes {
    /** Faucet ceiling per call: one million STRK. */
    static final BigInteger MAX_FAUCET_WEI = BigInteger.TEN.pow(24);

    private final ProtocolJson json;
    private final ChainGateway chain;
    private final Executor devnetThread;
    private volatile BigInteger chainId;

    /** @param chain null when no chain is configured */
    public ChainRoutes(ProtocolJson json, ChainGateway chain, Executor devnetThread) {
        this.json = json;
        this.chain = chain;
        this.devnetThread = devnetThread;
    }

    public CompletableFuture<ApiResponse> rpc(byte[] body) {
        Devnet devnet = devnet("POST /rpc serves the embedded devnet, which is not running (real network or"
                + " --embedded-devnet=false): point your Starknet client at the network's own RPC");
        return CompletableFuture.supplyAsync(() -> {
            byte[] out = devnet.rpc().handle(body);
            return new ApiResponse(out.length == 0 ? 204 : 200, out);
        }, devnetThread);
    }

    public CompletableFuture<ApiResponse> info() {
        ObjectNode o = json.mapper().createObjectNode();
        if (chain == null) {
            o.putNull("chain_id").putNull("rpc_url").putNull("escrow_address").putNull("strk_address")
                    .putNull("relayer_address").put("devnet", false).put("configured", false);
            return CompletableFuture.completedFuture(new ApiResponse(200, json.write(o)));
        }
        CompletableFuture<BigInteger> id = chainId != null ? CompletableFuture.completedFuture(chainId)
                : chain.devnet().map(d -> CompletableFuture.completedFuture(d.chainId()))
                        .orElseGet(() -> chain.read(chain::chainId));
        return id.handle((v, e) -> {
            if (v != null) {
                chainId = v;
            }
            o.put("chain_id", v == null ? null : Felts.toHex(v));
            o.put("rpc_url", chain.isDevnet() ? String.valueOf(chain.rpcUrl()) : ChainConfig.origin(chain.rpcUrl()));
            o.put("escrow_address", Felts.toHex(chain.escrowAddress()));
            o.put("strk_address", Felts.toHex(chain.strkAddress()));
            o.put("relayer_address", Felts.toHex(chain.relayerAddress()));
            o.put("devnet", chain.isDevnet());
            o.put("configured", true);
            return new ApiResponse(200, json.write(o));
        });
    }

    /** {@code {address, amount}} (amount in wei, a JSON integer or decimal string) → the new balance. */
    public CompletableFuture<ApiResponse> faucet(byte[] body) {
        Devnet devnet = devnet("the faucet exists only on the embedded devnet; on a real network get STRK elsewhere");
        JsonNode req;
        try {
            req = json.mapper().readTree(body);
        } catch (IOException e) {
            throw ApiErrors.invalid(List.of("body"), "body is not JSON: " + e.getMessage());
        }
        if (req == null || !req.isObject()) {
            throw ApiErrors.invalid(List.of("body"), "body must be an object {\"address\": \"0x…\", \"amount\": \"<wei>\"}");
        }
        JsonNode a = req.get("address");
        if (a == null || !a.isTextual() || !a.asText().matches("^0x[0-9a-fA-F]{1,64}$")) {
            throw ApiErrors.invalid(List.of("body", "address"), "address must be a Starknet address (0x and 1 to 64 hex digits)");
        }
        BigInteger address = Felts.parse("address", a.asText());
        BigInteger amount = amount(req.get("amount"));
        return CompletableFuture.supplyAsync(() -> {
            Receipt r = devnet.mint(address, amount);
            ObjectNode o = json.mapper().createObjectNode().put("address", Felts.toHex(address))
                    .put("amount", amount.toString()).put("new_balance", devnet.balanceOf(address).toString())
                    .put("unit", "WEI").put("tx_hash", Felts.toHex(r.transactionHash()));
            return new ApiResponse(200, json.write(o));
        }, devnetThread);
    }

    private static BigInteger amount(JsonNode v) {
        BigInteger amount = null;
        if (v != null && v.isIntegralNumber()) {
            amount = v.bigIntegerValue();
        } else if (v != null && v.isTextual() && v.asText().matches("^[0-9]{1,40}$")) {
            amount = new BigInteger(v.asText());
        }
        if (amount == null || amount.signum() <= 0 || amount.compareTo(MAX_FAUCET_WEI) > 0) {
            throw ApiErrors.invalid(List.of("body", "amount"), "amount must be an integer number of wei in 1.."
                    + MAX_FAUCET_WEI + " (a JSON integer or a decimal string; 1 STRK = 10^18 wei)");
        }
        return amount;
    }

    private Devnet devnet(String whyNot) {
        if (chain == null || chain.devnet().isEmpty()) {
            throw ApiException.notFound(whyNot);
        }
        return chain.devnet().get();
    }
}

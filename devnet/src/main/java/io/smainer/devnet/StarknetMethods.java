package io.smainer.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.devnet.chain.Block;
import io.smainer.devnet.chain.EventQuery;
import io.smainer.devnet.chain.ExecutionReverted;
import io.smainer.devnet.chain.InvokeTransaction;
import io.smainer.devnet.chain.Ledger;
import io.smainer.devnet.chain.Receipt;
import io.smainer.devnet.chain.TransactionRejected;
import io.smainer.devnet.exec.CallOutcome;
import io.smainer.devnet.rpc.BlockId;
import io.smainer.devnet.rpc.InvokeTransactionJson;
import io.smainer.devnet.rpc.RpcError;
import io.smainer.devnet.rpc.RpcParams;
import io.smainer.devnet.rpc.RpcShapes;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The Starknet (RPC 0.10) and devnet methods; params by name or in the spec's order. */
final class StarknetMethods {
    /** The RPC specification version starknet-jvm 0.18.0 speaks. */
    static final String SPEC_VERSION = "0.10.0";
    static final int MAX_CHUNK_SIZE = 1000;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Devnet devnet;

    StarknetMethods(Devnet devnet) {
        this.devnet = devnet;
    }

    JsonNode dispatch(String method, JsonNode params) throws RpcError {
        switch (method) {
            case "starknet_specVersion": return F.textNode(SPEC_VERSION);
            case "starknet_chainId": return F.textNode(RpcShapes.hex(devnet.chainId()));
            case "starknet_syncing": return F.booleanNode(false);
            case "starknet_blockNumber": return F.numberNode(latest().number());
            case "starknet_blockHashAndNumber": {
                Block b = latest();
                ObjectNode n = F.objectNode();
                n.put("block_hash", RpcShapes.hex(b.hash()));
                n.put("block_number", b.number());
                return n;
            }
            case "starknet_getBlockWithTxHashes": return blockWithTxHashes(p(method, params, "block_id"));
            case "starknet_getNonce": return getNonce(p(method, params, "block_id", "contract_address"));
            case "starknet_getClassHashAt": return getClassHashAt(p(method, params, "block_id", "contract_address"));
            case "starknet_call": return call(p(method, params, "request", "block_id"));
            case "starknet_estimateFee":
                return estimateFee(p(method, params, "request", "simulation_flags", "block_id"));
            case "starknet_addInvokeTransaction": return addInvoke(p(method, params, "invoke_transaction"));
            case "starknet_getTransactionStatus": {
                return RpcShapes.transactionStatus(receipt(p(method, params, "transaction_hash")));
            }
            case "starknet_getTransactionReceipt": {
                Receipt r = receipt(p(method, params, "transaction_hash"));
                Block b = devnet.readLedger(l -> l.byNumber(r.blockNumber()).orElseThrow());
                return RpcShapes.receipt(r, b);
            }
            case "starknet_getEvents": return getEvents(p(method, params, "filter"));
            default: return devnetMethod(method, params);
        }
    }

    private JsonNode devnetMethod(String method, JsonNode params) throws RpcError {
        switch (method) {
            case "devnet_mint": {
                RpcParams ps = p(method, params, "address", "amount");
                BigInteger to = ps.felt("address");
                BigInteger amount = amount(ps.required("amount"));
                Receipt r;
                try {
                    r = devnet.mint(to, amount);
                } catch (IllegalArgumentException e) {
                    throw RpcError.invalidParams(e.getMessage());
                }
                ObjectNode n = F.objectNode();
                n.put("new_balance", devnet.balanceOf(to).toString());
                n.put("unit", "FRI");
                n.put("tx_hash", RpcShapes.hex(r.transactionHash()));
                return n;
            }
            case "devnet_createAccount": {
                BigInteger key = p(method, params, "public_key").felt("public_key");
                if (key.signum() == 0) {
                    throw RpcError.invalidParams("devnet_createAccount: public_key must not be 0x0");
                }
                ObjectNode n = F.objectNode();
                n.put("address", RpcShapes.hex(devnet.createAccount(key)));
                return n;
            }
            case "devnet_increaseTime": {
                JsonNode t = p(method, params, "time").required("time");
                if (!t.canConvertToLong() || t.asLong() < 0) {
                    throw RpcError.invalidParams("devnet_increaseTime: time must be a non-negative number of seconds, got " + t);
                }
                ObjectNode n = F.objectNode();
                n.put("timestamp_of_next_block", devnet.increaseTime(t.asLong()));
                return n;
            }
            case "devnet_getPredeployedAccounts": {
                ArrayNode a = F.arrayNode();
                for (PredeployedAccount acc : devnet.predeployedAccounts()) {
                    ObjectNode n = a.addObject();
                    n.put("role", acc.role());
                    n.put("address", acc.addressHex());
                    n.put("public_key", RpcShapes.hex(acc.publicKey()));
                    n.put("private_key", RpcShapes.hex(acc.privateKey()));
                    n.put("initial_balance", acc.initialBalance().toString());
                }
                return a;
            }
            default: throw RpcError.methodNotFound(method);
        }
    }

    private static RpcParams p(String method, JsonNode params, String... order) {
        return new RpcParams(method, params, List.of(order));
    }

    private Block latest() {
        return devnet.readLedger(Ledger::latest);
    }

    /** State reads are served from the latest state only (the devnet keeps no history of storage). */
    private void requireLatestState(BlockId id) throws RpcError {
        Block b = resolve(id);
        if (b.number() != latest().number()) {
            throw RpcError.blockNotFound("block " + b.number() + " exists but the devnet keeps only the latest state "
                    + "(block " + latest().number() + "); query with block_id \"latest\"");
        }
    }

    private Block resolve(BlockId id) throws RpcError {
        if (id.isLatestTag()) {
            return latest();
        }
        return devnet.readLedger(l -> id.number() != null ? l.byNumber(id.number()) : l.byHash(id.hash()))
                .orElseThrow(() -> RpcError.blockNotFound("no block " + (id.number() != null ? "number " + id.number()
                        : "hash " + RpcShapes.hex(id.hash())) + " (latest is " + latest().number() + ")"));
    }

    private JsonNode blockWithTxHashes(RpcParams ps) throws RpcError {
        Block b = resolve(BlockId.parse(ps.required("block_id")));
        int events = devnet.readLedger(l -> l.receipts(b).stream().mapToInt(r -> r.events().size()).sum());
        return RpcShapes.blockWithTxHashes(b, events);
    }

    private JsonNode getNonce(RpcParams ps) throws RpcError {
        requireLatestState(BlockId.parse(ps.required("block_id")));
        BigInteger address = ps.felt("contract_address");
        if (devnet.classHashAt(address).isEmpty()) {
            throw RpcError.contractNotFound("no contract is deployed at " + RpcShapes.hex(address));
        }
        return F.textNode(RpcShapes.hex(devnet.nonce(address)));
    }

    private JsonNode getClassHashAt(RpcParams ps) throws RpcError {
        requireLatestState(BlockId.parse(ps.required("block_id")));
        BigInteger address = ps.felt("contract_address");
        return F.textNode(RpcShapes.hex(devnet.classHashAt(address).orElseThrow(
                () -> RpcError.contractNotFound("no contract is deployed at " + RpcShapes.hex(address)))));
    }

    private JsonNode call(RpcParams ps) throws RpcError {
        requireLatestState(BlockId.parse(ps.required("block_id")));
        JsonNode req = ps.required("request");
        BigInteger to = RpcParams.felt("request.contract_address", req.get("contract_address"));
        BigInteger selector = RpcParams.felt("request.entry_point_selector", req.get("entry_point_selector"));
        List<BigInteger> calldata = RpcParams.felts("request.calldata", req.get("calldata"));
        if (devnet.classHashAt(to).isEmpty()) {
            throw RpcError.contractNotFound("no contract is deployed at " + RpcShapes.hex(to));
        }
        CallOutcome outcome = devnet.callSelector(to, selector, calldata);
        if (!outcome.succeeded()) {
            throw RpcError.contractError(outcome.revert().describe());
        }
        return RpcShapes.felts(outcome.result());
    }

    private JsonNode estimateFee(RpcParams ps) throws RpcError {
        requireLatestState(BlockId.parse(ps.required("block_id")));
        JsonNode request = ps.required("request");
        if (!request.isArray()) {
            throw RpcError.invalidParams("starknet_estimateFee: request must be an array of transactions");
        }
        boolean skipValidate = false;
        JsonNode flags = ps.optional("simulation_flags");
        if (flags != null) {
            for (JsonNode f : flags) {
                skipValidate |= "SKIP_VALIDATE".equals(f.asText());
            }
        }
        ArrayNode out = F.arrayNode();
        for (int i = 0; i < request.size(); i++) {
            InvokeTransaction tx = InvokeTransactionJson.parse(request.get(i));
            try {
                out.add(RpcShapes.feeEstimate(devnet.estimate(tx, skipValidate)));
            } catch (ExecutionReverted e) {
                throw RpcError.transactionExecutionError(i, e.getMessage());
            } catch (TransactionRejected e) {
                throw RpcError.transactionExecutionError(i, e.kind() + ": " + e.getMessage());
            }
        }
        return out;
    }

    private JsonNode addInvoke(RpcParams ps) throws RpcError {
        InvokeTransaction tx = InvokeTransactionJson.parse(ps.required("invoke_transaction"));
        try {
            Receipt r = devnet.submit(tx);
            ObjectNode n = F.objectNode();
            n.put("transaction_hash", RpcShapes.hex(r.transactionHash()));
            return n;
        } catch (TransactionRejected e) {
            throw rejected(e);
        }
    }

    static RpcError rejected(TransactionRejected e) {
        JsonNode data = RpcShapes.text(e.getMessage());
        switch (e.kind()) {
            case NON_ACCOUNT: return new RpcError(58, "Sender address is not an account contract", data);
            case DUPLICATE_TX: return new RpcError(59, "A transaction with the same hash already exists in the mempool", data);
            case INVALID_NONCE: return new RpcError(52, "Invalid transaction nonce", data);
            case INSUFFICIENT_RESOURCES:
                return new RpcError(53, "The transaction's resources don't cover validation or the minimal transaction fee", data);
            case INSUFFICIENT_BALANCE:
                return new RpcError(54, "Account balance is smaller than the transaction's maximal fee (calculated as the sum "
                        + "of each resource's limit x max price)", data);
            case VALIDATION_FAILURE: return new RpcError(55, "Account validation failed", data);
            case UNSUPPORTED_VERSION: return new RpcError(61, "The transaction version is not supported", data);
            default: throw new IllegalStateException("unmapped rejection " + e.kind());
        }
    }

    private Receipt receipt(RpcParams ps) throws RpcError {
        BigInteger hash = ps.felt("transaction_hash");
        return devnet.readLedger(l -> l.receipt(hash)).orElseThrow(
                () -> RpcError.txHashNotFound("no transaction " + RpcShapes.hex(hash) + " on this devnet"));
    }

    private JsonNode getEvents(RpcParams ps) throws RpcError {
        JsonNode f = ps.required("filter");
        long from = f.has("from_block") ? resolve(BlockId.parse(f.get("from_block"))).number() : 0;
        long to = f.has("to_block") ? resolve(BlockId.parse(f.get("to_block"))).number() : latest().number();
        Set<BigInteger> addresses = new HashSet<>();
        JsonNode address = f.get("address");
        if (address != null && address.isArray()) {
            addresses.addAll(RpcParams.felts("filter.address", address));
        } else if (address != null && !address.isNull()) {
            addresses.add(RpcParams.felt("filter.address", address));
        }
        List<List<BigInteger>> keys = new java.util.ArrayList<>();
        JsonNode k = f.get("keys");
        if (k != null && !k.isNull()) {
            for (int i = 0; i < k.size(); i++) {
                keys.add(RpcParams.felts("filter.keys[" + i + "]", k.get(i)));
            }
        }
        JsonNode chunk = f.get("chunk_size");
        if (chunk == null || !chunk.canConvertToInt() || chunk.asInt() < 1) {
            throw RpcError.invalidParams("filter.chunk_size must be a positive integer, got " + chunk);
        }
        if (chunk.asInt() > MAX_CHUNK_SIZE) {
            throw RpcError.pageSizeTooBig("chunk_size " + chunk.asInt() + " exceeds the devnet's maximum " + MAX_CHUNK_SIZE);
        }
        String token = f.hasNonNull("continuation_token") ? f.get("continuation_token").asText() : null;
        try {
            return RpcShapes.eventsChunk(devnet.events(from, to, addresses, keys, chunk.asInt(), token));
        } catch (IllegalArgumentException e) {
            throw RpcError.invalidContinuationToken(e.getMessage());
        }
    }

    private static BigInteger amount(JsonNode node) throws RpcError {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isTextual()) {
            try {
                return io.smainer.protocol.stark.Felts.parse("amount", node.asText());
            } catch (IllegalArgumentException e) {
                throw RpcError.invalidParams(e.getMessage());
            }
        }
        throw RpcError.invalidParams("amount must be an integer (wei), got " + node);
    }
}

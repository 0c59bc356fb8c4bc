package io.smainer.devnet.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;

/**
 * {@code BLOCK_ID}: a tag ({@code latest}, {@code pre_confirmed}, {@code l1_accepted}) or
 * {@code {block_number}} / {@code {block_hash}}. With instant mining the pre-confirmed block is always
 * empty, so every tag means the latest block.
 */
public record BlockId(Long number, BigInteger hash) {

    public static BlockId latest() {
        return new BlockId(null, null);
    }

    public boolean isLatestTag() {
        return number == null && hash == null;
    }

    public static BlockId parse(JsonNode node) throws RpcError {
        if (node == null) {
            throw RpcError.invalidParams("missing block_id");
        }
        if (node.isTextual()) {
            String tag = node.asText();
            if (tag.equals("latest") || tag.equals("pre_confirmed") || tag.equals("l1_accepted")) {
                return latest();
            }
            throw RpcError.invalidParams("block_id tag '" + tag + "' is not latest, pre_confirmed or l1_accepted");
        }
        if (node.isObject() && node.has("block_number") && node.get("block_number").canConvertToLong()) {
            return new BlockId(node.get("block_number").asLong(), null);
        }
        if (node.isObject() && node.has("block_hash")) {
            return new BlockId(null, RpcParams.felt("block_hash", node.get("block_hash")));
        }
        throw RpcError.invalidParams("block_id must be a tag, {\"block_number\": n} or {\"block_hash\": h}, got " + node);
    }
}

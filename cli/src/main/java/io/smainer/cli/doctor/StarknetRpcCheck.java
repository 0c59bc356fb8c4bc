package io.smainer.cli.doctor;

import com.swmansion.starknet.data.types.StarknetChainId;
import io.smainer.chain.StarknetNetwork;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** The Starknet JSON-RPC endpoint answers {@code starknet_chainId}. */
public final class StarknetRpcCheck implements DoctorCheck {
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
        try {
            StarknetChainId id = network.provider().getChainId().send();
            BigInteger v = id.getValue().getValue();
            return CheckResult.pass(name(), network.rpcUrl() + " answers, chain id " + shortString(v) + " (0x" + v.toString(16) + ")");
        } catch (RuntimeException e) {
            return CheckResult.fail(name(), "Starknet RPC " + network.rpcUrl() + " does not answer starknet_chainId ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")",
                    "start the devnet (relayer-lite serves /rpc) or point --rpc / SMAINER_STARKNET_RPC at a Starknet node");
        }
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

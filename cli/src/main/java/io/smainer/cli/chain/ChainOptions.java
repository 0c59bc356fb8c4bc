package io.smainer.cli.chain;

import io.smainer.chain.StarknetNetwork;
import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliException;
import io.smainer.cli.ExitCodes;
import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;
import java.net.URI;
import picocli.CommandLine.Option;

/**
 * Which Starknet network a command talks to: flags, then {@code SMAINER_STARKNET_RPC},
 * {@code SMAINER_ESCROW_ADDRESS}, {@code SMAINER_STRK_ADDRESS}, then relayer-lite's devnet on this machine.
 */
public final class ChainOptions {
    @Option(names = "--rpc", paramLabel = "URL", description = "Starknet JSON-RPC endpoint (default: relayer-lite devnet, http://127.0.0.1:8000/rpc).")
    String rpc;

    @Option(names = "--escrow", paramLabel = "0x…", description = "Escrow contract address (default: the devnet escrow).")
    String escrow;

    @Option(names = "--strk", paramLabel = "0x…", description = "STRK token address (default: the mainnet/Sepolia STRK address).")
    String strk;

    public StarknetNetwork network(CliEnvironment env) {
        String rpcText = rpc != null ? rpc : env.env("SMAINER_STARKNET_RPC").orElse(StarknetNetwork.DEVNET_RPC.toString());
        URI url;
        try {
            url = URI.create(rpcText);
            if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https")) || url.getHost() == null) {
                throw new IllegalArgumentException("not http(s)");
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--rpc '" + rpcText + "' is not an http(s) URL, e.g. http://127.0.0.1:8000/rpc");
        }
        BigInteger escrowAddress = address("--escrow", escrow != null ? escrow : env.env("SMAINER_ESCROW_ADDRESS").orElse(null),
                StarknetNetwork.DEVNET_ESCROW);
        BigInteger strkAddress = address("--strk", strk != null ? strk : env.env("SMAINER_STRK_ADDRESS").orElse(null),
                StarknetNetwork.STRK_ADDRESS);
        return new StarknetNetwork(url, escrowAddress, strkAddress);
    }

    /** True when the RPC endpoint is on this machine (devnet helpers such as the faucet may be used). */
    public static boolean isLocal(StarknetNetwork network) {
        String host = network.rpcUrl().getHost();
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.equals("[::1]");
    }

    private static BigInteger address(String flag, String text, BigInteger fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            BigInteger v = Felts.parse(flag, text);
            if (!Felts.isFelt(v)) {
                throw new IllegalArgumentException("above the field prime");
            }
            return v;
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, flag + " '" + text + "' is not a Starknet address (0x-prefixed hex)");
        }
    }
}

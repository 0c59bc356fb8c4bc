package io.smainer.chain;

import com.swmansion.starknet.account.StandardAccount;
import com.swmansion.starknet.data.types.CairoVersion;
import com.swmansion.starknet.data.types.Felt;
import com.swmansion.starknet.data.types.StarknetChainId;
import com.swmansion.starknet.provider.rpc.JsonRpcProvider;
import io.smainer.protocol.stark.StarkPrivateKey;
import io.smainer.protocol.stark.curve.FastStarkCrypto;
import io.smainer.protocol.stark.curve.FastStarkSigner;
import java.math.BigInteger;
import java.net.URI;

/**
 * One Starknet network as the apps see it: the RPC endpoint, the escrow and the STRK token. Builds the
 * starknet-jvm provider with lax parsing (a newer node's extra fields must not break production) and
 * accounts that sign with our Stark engine.
 */
public record StarknetNetwork(URI rpcUrl, BigInteger escrow, BigInteger strk) {
    /** STRK on mainnet and Sepolia; the embedded devnet predeploys its token at the same address. */
    public static final BigInteger STRK_ADDRESS =
            new BigInteger("4718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d", 16);
    /** Production escrow on mainnet (PROTOCOL.md §4), for configuration presets only. */
    public static final BigInteger MAINNET_ESCROW =
            new BigInteger("44bf558b2e5ba7b3b24a18ff4944833ef9526b47907bcbdcbf94c33f4431abe", 16);
    /** Where relayer-lite's embedded devnet deploys the escrow ("SMAINER_ESCROW" as a felt). */
    public static final BigInteger DEVNET_ESCROW = new BigInteger("534d41494e45525f455343524f57", 16);
    public static final URI DEVNET_RPC = URI.create("http://127.0.0.1:8000/rpc");

    public static StarknetNetwork devnet() {
        return new StarknetNetwork(DEVNET_RPC, DEVNET_ESCROW, STRK_ADDRESS);
    }

    public JsonRpcProvider provider() {
        return new JsonRpcProvider(rpcUrl.toString(), true);
    }

    public EscrowClient escrowClient(JsonRpcProvider provider) {
        return new EscrowClient(provider, escrow, TransactionWaiter.standard(provider));
    }

    /** An account that signs v3 transactions with {@code key} through our engine. */
    public StandardAccount account(JsonRpcProvider provider, BigInteger address, StarkPrivateKey key) {
        StarknetChainId chainId = EscrowClient.rpc(() -> provider.getChainId().send(), "chain id");
        return new StandardAccount(new Felt(address), new FastStarkSigner(key, new FastStarkCrypto()), provider, chainId,
                CairoVersion.ONE);
    }
}

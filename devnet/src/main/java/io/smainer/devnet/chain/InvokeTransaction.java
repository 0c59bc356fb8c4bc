package io.smainer.devnet.chain;

import com.swmansion.starknet.data.TransactionHashCalculator;
import com.swmansion.starknet.data.types.DAMode;
import com.swmansion.starknet.data.types.Felt;
import com.swmansion.starknet.data.types.ResourceBounds;
import com.swmansion.starknet.data.types.ResourceBoundsMapping;
import com.swmansion.starknet.data.types.StarknetChainId;
import com.swmansion.starknet.data.types.TransactionVersion;
import com.swmansion.starknet.data.types.Uint128;
import com.swmansion.starknet.data.types.Uint64;
import java.math.BigInteger;
import java.util.List;

/**
 * A broadcast v3 INVOKE transaction ({@code BROADCASTED_INVOKE_TXN}, RPC 0.10). {@link #hash} is
 * recomputed with starknet-jvm's {@link TransactionHashCalculator} — the hash the account signed —
 * never taken from the client.
 */
public record InvokeTransaction(BigInteger senderAddress, List<BigInteger> calldata, boolean query,
                                List<BigInteger> signature, BigInteger nonce, Bounds l1Gas, Bounds l1DataGas,
                                Bounds l2Gas, BigInteger tip, List<BigInteger> paymasterData,
                                List<BigInteger> accountDeploymentData, DAMode nonceDaMode, DAMode feeDaMode) {

    /** One resource's {@code {max_amount, max_price_per_unit}}. */
    public record Bounds(BigInteger maxAmount, BigInteger maxPricePerUnit) {
        public BigInteger maxFee() {
            return maxAmount.multiply(maxPricePerUnit);
        }

        ResourceBounds toStarknet() {
            return new ResourceBounds(new Uint64(maxAmount), new Uint128(maxPricePerUnit));
        }
    }

    public InvokeTransaction {
        calldata = List.copyOf(calldata);
        signature = List.copyOf(signature);
        paymasterData = List.copyOf(paymasterData);
        accountDeploymentData = List.copyOf(accountDeploymentData);
    }

    public BigInteger hash(BigInteger chainId) {
        return TransactionHashCalculator.calculateInvokeTxV3Hash(
                new Felt(senderAddress), felts(calldata), new StarknetChainId(new Felt(chainId)),
                query ? TransactionVersion.V3_QUERY : TransactionVersion.V3, new Felt(nonce), new Uint64(tip),
                new ResourceBoundsMapping(l1Gas.toStarknet(), l1DataGas.toStarknet(), l2Gas.toStarknet()),
                felts(paymasterData), felts(accountDeploymentData), feeDaMode, nonceDaMode, null).getValue();
    }

    /** The most the sender can be charged: {@code Σ max_amount × max_price_per_unit} plus the tip on L2 gas. */
    public BigInteger maxFee() {
        return l1Gas.maxFee().add(l1DataGas.maxFee()).add(l2Gas.maxFee()).add(l2Gas.maxAmount().multiply(tip));
    }

    private static List<Felt> felts(List<BigInteger> values) {
        return values.stream().map(Felt::new).toList();
    }
}

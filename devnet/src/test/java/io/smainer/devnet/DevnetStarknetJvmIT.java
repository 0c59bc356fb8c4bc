package io.smainer.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.swmansion.starknet.account.StandardAccount;
import com.swmansion.starknet.data.types.Call;
import com.swmansion.starknet.data.types.EmittedEvent;
import com.swmansion.starknet.data.types.Felt;
import com.swmansion.starknet.data.types.GetEventsPayload;
import com.swmansion.starknet.data.types.GetEventsResult;
import com.swmansion.starknet.data.types.InvokeParamsV3;
import com.swmansion.starknet.data.types.InvokeTransactionV3;
import com.swmansion.starknet.data.types.ResourceBounds;
import com.swmansion.starknet.data.types.ResourceBoundsMapping;
import com.swmansion.starknet.data.types.StarknetChainId;
import com.swmansion.starknet.data.types.TransactionExecutionStatus;
import com.swmansion.starknet.data.types.TransactionReceipt;
import com.swmansion.starknet.data.types.Uint128;
import com.swmansion.starknet.data.types.Uint64;
import com.swmansion.starknet.data.types.AddressFilter;
import com.swmansion.starknet.data.types.BlockId;
import com.swmansion.starknet.data.types.BlockTag;
import com.swmansion.starknet.provider.exceptions.RpcRequestFailedException;
import com.swmansion.starknet.provider.rpc.JsonRpcProvider;
import io.smainer.devnet.contracts.SmainerEscrow;
import io.smainer.devnet.exec.Selectors;
import io.smainer.protocol.stark.FeeSplit;
import io.smainer.protocol.stark.ResultProof;
import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkCryptos;
import io.smainer.protocol.stark.StarkPrivateKey;
import io.smainer.protocol.stark.StarkSignature;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The devnet over real sockets, driven by starknet-jvm 0.18.0 unmodified in strict parsing mode
 * ({@code new JsonRpcProvider(url)}): the whole escrow lifecycle, receipts, event paging, the RPC
 * error codes, and a restart from the data dir.
 */
class DevnetStarknetJvmIT {
    private static final StarkCrypto CRYPTO = StarkCryptos.fast();
    private static final BigInteger STRK = BigInteger.TEN.pow(18);
    private static final ResourceBoundsMapping BOUNDS = new ResourceBoundsMapping(
            new ResourceBounds(Uint64.ZERO, Uint128.ZERO),
            new ResourceBounds(new Uint64(1_000), new Uint128(BigInteger.TEN.pow(10))),
            new ResourceBounds(new Uint64(10_000_000), new Uint128(BigInteger.TEN.pow(9))));

    @TempDir
    Path dataDir;

    @Test
    void escrowLifecycleErrorsAndRestartThroughStarknetJvmStrictMode() throws Exception {
        DevnetConfig config = DevnetConfig.defaults(dataDir, CRYPTO).withAccounts(5);
        long blockAfterLifecycle;
        BigInteger providerBalance;
        PredeployedAccount demanderKey;
        try (Devnet devnet = new Devnet(config); LoopbackRpcServer server = new LoopbackRpcServer(devnet.rpc())) {
            JsonRpcProvider provider = new JsonRpcProvider(server.url());
            StarknetChainId chainId = provider.getChainId().send();
            assertThat(chainId.toNetworkName()).isEqualTo("SN_SMAINER_DEVNET");
            assertThat(provider.getSpecVersion().send().getValue()).isEqualTo("0.10.0");
            assertThat(provider.getBlockNumber().send().getValue()).isZero();

            DevnetAddresses a = devnet.addresses();
            List<PredeployedAccount> accs = devnet.predeployedAccounts();
            PredeployedAccount relayerKey = accs.get(1);
            demanderKey = accs.get(3);
            PredeployedAccount providerKey = accs.get(4);
            StandardAccount relayer = account(relayerKey, provider, chainId);
            StandardAccount demander = account(demanderKey, provider, chainId);
            StandardAccount node = account(providerKey, provider, chainId);
            Felt escrow = new Felt(a.escrow());
            Felt strk = new Felt(a.strk());

            // register_node (provider), approve + create_task multicall (demander), assign (relayer).
            TransactionReceipt reg = receipt(provider, node.executeV3(new Call(escrow, "register_node",
                    List.of(new Felt(2), new Felt(providerKey.publicKey())))).send().getTransactionHash());
            assertThat(reg.isAccepted()).isTrue();
            BigInteger amount = STRK.multiply(BigInteger.valueOf(100));
            TransactionReceipt created = receipt(provider, demander.executeV3(List.of(
                    new Call(strk, "approve", List.of(escrow, new Felt(amount), Felt.ZERO)),
                    new Call(escrow, "create_task", List.of(strk, new Felt(amount), Felt.ZERO, new Felt(0x7a5c01)))))
                    .send().getTransactionHash());
            assertThat(created.getExecutionStatus()).isEqualTo(TransactionExecutionStatus.SUCCEEDED);
            assertThat(created.getEvents()).anySatisfy(e -> assertThat(e.getKeys().get(0).getValue())
                    .isEqualTo(Selectors.of("TaskCreated")));
            assertThat(created.getActualFee().getAmount().getValue()).isPositive();
            receipt(provider, relayer.executeV3(new Call(escrow, "assign_task",
                    List.of(Felt.ONE, Felt.ZERO, new Felt(providerKey.address())))).send().getTransactionHash());

            // submit_proof_and_claim with the provider's real signature (PROTOCOL.md §2).
            BigInteger resultHash = new BigInteger("491b6e33b16a526ab374641895f10ed3255d9b9e5050b07b7d9954862b6d0d", 16);
            StarkSignature sig = new ResultProof(CRYPTO).sign(StarkPrivateKey.of(providerKey.privateKey(), CRYPTO),
                    BigInteger.ONE, providerKey.address(), resultHash);
            TransactionReceipt claimed = receipt(provider, relayer.executeV3(new Call(escrow, "submit_proof_and_claim",
                    List.of(Felt.ONE, Felt.ZERO, new Felt(resultHash), new Felt(sig.r()), new Felt(sig.s()))))
                    .send().getTransactionHash());
            assertThat(claimed.isAccepted()).isTrue();
            assertThat(provider.getTransactionStatus(claimed.getHash()).send().getExecutionStatus())
                    .isEqualTo(TransactionExecutionStatus.SUCCEEDED);

            // Views through starknet_call.
            FeeSplit split = FeeSplit.of(amount);
            providerBalance = u256(provider.callContract(new Call(strk, "balance_of", List.of(new Felt(providerKey.address()))))
                    .send());
            assertThat(providerBalance).isEqualTo(config.initialBalance().add(split.providerReceives())
                    .subtract(reg.getActualFee().getAmount().getValue()));
            assertThat(u256(provider.callContract(new Call(escrow, "get_user_earnings", List.of(new Felt(providerKey.address()))))
                    .send())).isEqualTo(split.providerReceives());
            List<Felt> task = provider.callContract(new Call(escrow, "get_task", List.of(Felt.ONE, Felt.ZERO))).send();
            assertThat(task.get(5).getValue()).isEqualTo(BigInteger.valueOf(SmainerEscrow.COMPLETED));

            // getEvents paging over the escrow's events (4 constructor events at genesis + 6 of the lifecycle).
            List<EmittedEvent> all = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                GetEventsResult page = provider.getEvents(new GetEventsPayload(new BlockId.Number(0),
                        new BlockId.Tag(BlockTag.LATEST), new AddressFilter.Single(escrow), null, 3, token)).send();
                all.addAll(page.getEvents());
                token = page.getContinuationToken();
                pages++;
            } while (token != null);
            assertThat(pages).isEqualTo(4);
            assertThat(all).extracting(e -> e.getKeys().get(0).getValue()).containsExactly(
                    Selectors.of("OwnershipTransferred"), Selectors.of("RelayerChanged"), Selectors.of("TreasuryChanged"),
                    Selectors.of("TokenAllowedChanged"), Selectors.of("NodeRegistered"), Selectors.of("TaskCreated"),
                    Selectors.of("TaskAssigned"), Selectors.of("TaskCompleted"), Selectors.of("PayoutReleased"),
                    Selectors.of("FeeCollected"));
            GetEventsResult completedOnly = provider.getEvents(new GetEventsPayload(null, null, new AddressFilter.Single(escrow),
                    List.of(List.of(new Felt(Selectors.of("FeeCollected")))), 10, null)).send();
            assertThat(completedOnly.getEvents()).singleElement().satisfies(e -> assertThat(e.getData().get(1).getValue())
                    .isEqualTo(split.treasury()));

            // A reverted transaction: cancel after delivery, submitted with explicit bounds (estimation would refuse it).
            Felt cancelHash = demander.executeV3(new Call(escrow, "cancel_task", List.of(Felt.ONE, Felt.ZERO)), BOUNDS)
                    .send().getTransactionHash();
            TransactionReceipt reverted = receipt(provider, cancelHash);
            assertThat(reverted.getExecutionStatus()).isEqualTo(TransactionExecutionStatus.REVERTED);
            assertThat(reverted.getRevertReason()).contains("task not in CREATED state");
            assertThat(reverted.getActualFee().getAmount().getValue()).isPositive();
            assertThatThrownBy(() -> demander.estimateFeeV3(List.of(new Call(escrow, "cancel_task", List.of(Felt.ONE, Felt.ZERO))))
                    .send()).isInstanceOfSatisfying(RpcRequestFailedException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(41);
                        assertThat(e.getData()).contains("task not in CREATED state");
                    });

            // Wrong nonce → 52; signature by another key → 55; unknown receipt → 29; view revert → 40.
            Felt nonce = demander.getNonce().send();
            InvokeTransactionV3 stale = demander.signV3(List.of(new Call(strk, "approve", List.of(escrow, Felt.ONE, Felt.ZERO))),
                    new InvokeParamsV3(new Felt(nonce.getValue().add(BigInteger.valueOf(5))), BOUNDS), false);
            assertThatThrownBy(() -> provider.invokeFunction(stale).send())
                    .isInstanceOfSatisfying(RpcRequestFailedException.class, e -> assertThat(e.getCode()).isEqualTo(52));
            StandardAccount impostor = new StandardAccount(new Felt(demanderKey.address()), new Felt(providerKey.privateKey()),
                    provider, chainId);
            assertThatThrownBy(() -> impostor.executeV3(new Call(strk, "approve", List.of(escrow, Felt.ONE, Felt.ZERO)), BOUNDS)
                    .send()).isInstanceOfSatisfying(RpcRequestFailedException.class, e -> assertThat(e.getCode()).isEqualTo(55));
            assertThatThrownBy(() -> provider.getTransactionReceipt(new Felt(12345)).send())
                    .isInstanceOfSatisfying(RpcRequestFailedException.class, e -> assertThat(e.getCode()).isEqualTo(29));
            assertThatThrownBy(() -> provider.callContract(new Call(escrow, "get_task", List.of(new Felt(9), Felt.ZERO))).send())
                    .isInstanceOfSatisfying(RpcRequestFailedException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(40);
                        assertThat(e.getData()).contains("task not found");
                    });
            assertThat(provider.getBlockWithTxHashes(BlockTag.LATEST).send().getTransactionHashes()).containsExactly(cancelHash);
            blockAfterLifecycle = provider.getBlockNumber().send().getValue();
        }

        // Restart from the data dir: same chain, same balances, nonces continue.
        try (Devnet devnet = new Devnet(config); LoopbackRpcServer server = new LoopbackRpcServer(devnet.rpc())) {
            JsonRpcProvider provider = new JsonRpcProvider(server.url());
            assertThat((long) provider.getBlockNumber().send().getValue()).isEqualTo(blockAfterLifecycle);
            assertThat(devnet.balanceOf(devnet.predeployedAccounts().get(4).address())).isEqualTo(providerBalance);
            StandardAccount demander = account(demanderKey, provider, provider.getChainId().send());
            assertThat(demander.getNonce().send().getValue()).isEqualTo(BigInteger.TWO);
            assertThat(provider.getTransactionStatus(receiptHashOfLatest(provider)).send().getExecutionStatus())
                    .isEqualTo(TransactionExecutionStatus.REVERTED);
        }
    }

    private static Felt receiptHashOfLatest(JsonRpcProvider provider) {
        return provider.getBlockWithTxHashes(BlockTag.LATEST).send().getTransactionHashes().get(0);
    }

    private static StandardAccount account(PredeployedAccount a, JsonRpcProvider provider, StarknetChainId chainId) {
        return new StandardAccount(new Felt(a.address()), new Felt(a.privateKey()), provider, chainId);
    }

    private static TransactionReceipt receipt(JsonRpcProvider provider, Felt hash) {
        return provider.getTransactionReceipt(hash).send();
    }

    private static BigInteger u256(List<Felt> lowHigh) {
        return lowHigh.get(1).getValue().shiftLeft(128).or(lowHigh.get(0).getValue());
    }
}

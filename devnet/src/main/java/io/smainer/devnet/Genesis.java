package io.smainer.devnet;

import io.smainer.devnet.chain.DevnetClock;
import io.smainer.devnet.chain.Ledger;
import io.smainer.devnet.chain.Sequencer;
import io.smainer.devnet.contracts.Erc20Token;
import io.smainer.devnet.contracts.SmainerEscrow;
import io.smainer.devnet.exec.BlockContext;
import io.smainer.devnet.exec.CallExecutor;
import io.smainer.devnet.state.StateOverlay;
import io.smainer.devnet.state.WorldState;
import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;
import java.util.List;

/**
 * Block 0: deploys STRK, the predeployed accounts and the escrow (owner #0, relayer #1, treasury #2,
 * STRK allow-listed) and funds the accounts. Its events (constructor events, mint Transfers) sit in
 * one system transaction of block 0, so token history is complete from genesis.
 */
final class Genesis {
    private final CallExecutor executor;
    private final Sequencer sequencer;
    private final Ledger ledger;
    private final DevnetClock clock;

    Genesis(CallExecutor executor, Sequencer sequencer, Ledger ledger, DevnetClock clock) {
        this.executor = executor;
        this.sequencer = sequencer;
        this.ledger = ledger;
        this.clock = clock;
    }

    void build(DevnetAddresses addresses, List<PredeployedAccount> accounts, String seed) {
        WorldState state = executor.state();
        long timestamp = clock.nextTimestamp(0);
        BlockContext block = new BlockContext(0, timestamp);
        state.deploy(addresses.strk(), Erc20Token.CLASS_HASH);
        state.deploy(addresses.escrow(), SmainerEscrow.CLASS_HASH);
        StateOverlay overlay = new StateOverlay(state);
        executor.runAs(overlay, addresses.escrow(), BigInteger.ZERO, block, ctx -> SmainerEscrow.construct(ctx,
                addresses.owner(), addresses.relayer(), addresses.treasury(), List.of(addresses.strk())));
        for (PredeployedAccount a : accounts) {
            Devnet.deployAccount(state, a.address(), a.publicKey());
            if (a.initialBalance().signum() > 0) {
                executor.runAs(overlay, addresses.strk(), BigInteger.ZERO, block,
                        ctx -> Erc20Token.mint(ctx, a.address(), a.initialBalance()));
            }
        }
        overlay.commit();
        if (!ledger.isEmpty()) {
            throw new IllegalStateException("genesis on a non-empty ledger");
        }
        ledger.mine(timestamp, List.of(new io.smainer.devnet.chain.Receipt(Felts.sha256ModP("devnet_genesis:" + seed),
                BigInteger.ZERO, 0, 0, BigInteger.ZERO, null, overlay.events(),
                new io.smainer.devnet.chain.ResourceUsage(0, 0, 0))));
    }
}

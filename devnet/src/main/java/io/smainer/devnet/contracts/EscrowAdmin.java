package io.smainer.devnet.contracts;

import static io.smainer.devnet.contracts.EscrowLogic.check;

import io.smainer.devnet.contracts.EscrowStorage.NodeRecord;
import io.smainer.devnet.exec.CairoSerde;
import io.smainer.devnet.exec.ContractRevert;
import java.math.BigInteger;
import java.util.List;

/** {@code impl EscrowAdminImpl of IEscrowAdmin} and the embedded Ownable/Pausable externals of escrow.cairo. */
final class EscrowAdmin {
    private final EscrowLogic escrow;

    EscrowAdmin(EscrowLogic escrow) {
        this.escrow = escrow;
    }

    /** {@code set_relayer}. */
    void setRelayer(BigInteger relayer) {
        escrow.assertOnlyOwner();
        escrow.setRelayerInternal(relayer);
    }

    /** {@code set_treasury}. */
    void setTreasury(BigInteger treasury) {
        escrow.assertOnlyOwner();
        escrow.setTreasuryInternal(treasury);
    }

    /** {@code set_token_allowed}: gates new {@code create_task} calls only. */
    void setTokenAllowed(BigInteger token, boolean allowed) {
        escrow.assertOnlyOwner();
        escrow.setTokenAllowedInternal(token, allowed);
    }

    /** {@code set_claim_window}: {@code 0 < w <= MAX_CLAIM_WINDOW}; existing deadlines never move. */
    void setClaimWindow(long claimWindow) {
        escrow.assertOnlyOwner();
        check(claimWindow != 0 && Long.compareUnsigned(claimWindow, SmainerEscrow.MAX_CLAIM_WINDOW) <= 0,
                "invalid claim window");
        BigInteger previous = escrow.storage().felt("claim_window");
        escrow.storage().felt("claim_window", BigInteger.valueOf(claimWindow));
        escrow.ctx().emit("ClaimWindowChanged", List.of(), List.of(previous, BigInteger.valueOf(claimWindow)));
    }

    /** {@code suspend_node}: ACTIVE → SUSPENDED. */
    void suspendNode(BigInteger node) {
        escrow.assertOnlyOwner();
        NodeRecord record = escrow.storage().node(node);
        check(record.status() == SmainerEscrow.NODE_ACTIVE, "node not active");
        escrow.storage().node(node, new NodeRecord(SmainerEscrow.NODE_SUSPENDED, record.tier(), record.publicKey()));
        escrow.ctx().emit("NodeSuspended", List.of(node), List.of());
    }

    /** {@code reinstate_node}: SUSPENDED → ACTIVE. */
    void reinstateNode(BigInteger node) {
        escrow.assertOnlyOwner();
        NodeRecord record = escrow.storage().node(node);
        check(record.status() == SmainerEscrow.NODE_SUSPENDED, "node not suspended");
        escrow.storage().node(node, new NodeRecord(SmainerEscrow.NODE_ACTIVE, record.tier(), record.publicKey()));
        escrow.ctx().emit("NodeReinstated", List.of(node), List.of());
    }

    /** {@code pause} → {@code PausableComponent::pause}. */
    void pause() {
        escrow.assertOnlyOwner();
        escrow.assertNotPaused();
        escrow.storage().flag("Pausable_paused", true);
        escrow.ctx().emit("Paused", List.of(), List.of(escrow.ctx().callerAddress()));
    }

    /** {@code unpause} → {@code PausableComponent::unpause}. */
    void unpause() {
        escrow.assertOnlyOwner();
        check(escrow.storage().flag("Pausable_paused"), EscrowLogic.NOT_PAUSED);
        escrow.storage().flag("Pausable_paused", false);
        escrow.ctx().emit("Unpaused", List.of(), List.of(escrow.ctx().callerAddress()));
    }

    /**
     * {@code upgrade} → {@code UpgradeableComponent::upgrade}. The devnet runs native classes only, so
     * {@code replace_class_syscall} succeeds only for this escrow's own class hash (a no-op upgrade);
     * any other hash fails as an undeclared class does on a real network.
     */
    void upgrade(BigInteger newClassHash) {
        escrow.assertOnlyOwner();
        check(newClassHash.signum() != 0, "Class hash cannot be zero");
        if (!newClassHash.equals(SmainerEscrow.CLASS_HASH)) {
            throw new ContractRevert("Class with hash " + CairoSerde.hex(newClassHash) + " is not declared.");
        }
        escrow.ctx().emit("Upgraded", List.of(), List.of(newClassHash));
    }

    /** {@code OwnableImpl::transfer_ownership}: zero check before the owner check, as in OZ. */
    void transferOwnership(BigInteger newOwner) {
        check(newOwner.signum() != 0, EscrowLogic.ZERO_ADDRESS_OWNER);
        escrow.assertOnlyOwner();
        escrow.transferOwnershipInternal(newOwner);
    }

    /** {@code OwnableImpl::renounce_ownership}. */
    void renounceOwnership() {
        escrow.assertOnlyOwner();
        escrow.transferOwnershipInternal(BigInteger.ZERO);
    }
}

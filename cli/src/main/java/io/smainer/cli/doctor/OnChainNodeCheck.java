package io.smainer.cli.doctor;

import io.smainer.chain.EscrowNode;
import io.smainer.chain.StarknetNetwork;
import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;
import java.util.Optional;

/** The escrow's {@code get_node} says ACTIVE with the same public key as the keystore (or account.json). */
public final class OnChainNodeCheck implements DoctorCheck {
    @Override
    public String name() {
        return "onchain_node";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        Optional<String> address = ctx.address();
        if (address.isEmpty()) {
            return CheckResult.skip(name(), "no account address (see the config check)");
        }
        Optional<String> expected = ctx.key().map(k -> Felts.toHex(k.publicKey()))
                .or(() -> ctx.account().map(a -> a.publicKey()));
        StarknetNetwork network;
        EscrowNode node;
        try {
            network = ctx.network();
            node = network.escrowClient(network.provider()).getNode(Felts.parse("account_address", address.get()));
        } catch (RuntimeException e) {
            return CheckResult.skip(name(), "cannot read get_node (" + e.getMessage() + ")");
        }
        String where = "escrow " + Felts.toHex(network.escrow()) + " on " + network.rpcUrl();
        if (node.status() == EscrowNode.Status.SUSPENDED) {
            return CheckResult.fail(name(), "node " + address.get() + " is SUSPENDED on " + where,
                    "contact the relayer operator: a suspended node cannot re-register");
        }
        if (!node.isActive()) {
            return CheckResult.fail(name(), "node " + address.get() + " is not registered on " + where, "run smainer register");
        }
        String onChain = Felts.toHex(node.publicKey());
        if (expected.isPresent() && !new BigInteger(expected.get().substring(2), 16).equals(node.publicKey())) {
            return CheckResult.fail(name(), "node " + address.get() + " is ACTIVE on " + where + " with public key " + onChain
                    + " but this machine's key is " + expected.get(), "run smainer register to register this key");
        }
        return CheckResult.pass(name(), "node " + address.get() + " is ACTIVE, tier " + node.tierOrNull().wireName() + ", public key "
                + onChain + (expected.isPresent() ? " (matches)" : " (not compared: no key or wallet here)"));
    }
}

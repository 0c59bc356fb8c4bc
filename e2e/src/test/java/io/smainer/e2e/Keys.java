package io.smainer.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.chain.DevnetFaucet;
import io.smainer.chain.EscrowClient;
import io.smainer.chain.StarknetNetwork;
import io.smainer.protocol.api.Tier;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.StarkCryptos;
import io.smainer.protocol.stark.StarkPrivateKey;
import java.math.BigInteger;
import java.security.SecureRandom;

/** Throwaway identities: random Stark keys, devnet accounts for them, predeployed accounts by role. */
public final class Keys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {}

    /** A random private key (below 2^250, so below the curve order). */
    public static StarkPrivateKey random() {
        BigInteger v;
        do {
            v = new BigInteger(250, RANDOM);
        } while (v.signum() == 0);
        return StarkPrivateKey.of(v, StarkCryptos.fast());
    }

    /** A random address-like felt (for nodes when on-chain keys are not enforced). */
    public static String randomAddress() {
        return Felts.toHex(new BigInteger(248, RANDOM).setBit(240));
    }

    /** A provider: key, a devnet account for it funded for fees, and its {@code register_node} (BASIC) accepted on chain. */
    public record Provider(StarkPrivateKey key, BigInteger address) {
        public String privateKeyHex() {
            return Felts.toHex(key.value());
        }

        public String addressHex() {
            return Felts.toHex(address);
        }
    }

    public static Provider registeredProvider(StarknetNetwork network) {
        StarkPrivateKey key = random();
        DevnetFaucet faucet = new DevnetFaucet(network.rpcUrl());
        BigInteger address = faucet.createAccount(key.publicKey());
        faucet.mint(address, new BigInteger("1000000000000000000000"));
        var rpc = network.provider();
        EscrowClient escrow = network.escrowClient(rpc);
        escrow.registerNode(network.account(rpc, address, key), Tier.BASIC, key.publicKey());
        if (!escrow.getNode(address).isActive()) {
            throw new IllegalStateException("node " + Felts.toHex(address) + " not active after register_node");
        }
        return new Provider(key, address);
    }

    /** The predeployed account with {@code role} (owner, relayer, treasury, user) from {@code devnet_getPredeployedAccounts}. */
    public static Provider predeployed(RelayerLite relayer, String role) throws Exception {
        for (JsonNode a : relayer.rpc("devnet_getPredeployedAccounts", RelayerLite.JSON.createObjectNode())) {
            if (role.equals(a.path("role").asText())) {
                return new Provider(StarkPrivateKey.of(Felts.parse("private_key", a.get("private_key").asText()), StarkCryptos.fast()),
                        Felts.parse("address", a.get("address").asText()));
            }
        }
        throw new IllegalStateException("no predeployed account with role " + role);
    }
}

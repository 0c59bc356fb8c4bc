package io.smainer.cli.wallet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.stark.NodeIds;
import java.io.PrintWriter;

/** Prints public wallet facts as text or JSON; there is nothing secret to print. */
final class WalletPrinter {
    private WalletPrinter() {}

    static void print(PrintWriter out, WalletFiles.Account account, boolean json, boolean withKeystore) {
        if (json) {
            ObjectNode n = new ObjectMapper().createObjectNode();
            n.put("address", account.address());
            n.put("public_key", account.publicKey());
            n.put("node_id", account.address() == null ? null : NodeIds.fromAddress(account.address()));
            if (withKeystore) {
                n.put("keystore", account.keystore().toString());
            }
            out.println(n.toString());
            return;
        }
        out.println("address:    " + (account.address() == null
                ? "(no account linked: pass --address to wallet import, or run smainer register on the devnet)"
                : account.address()));
        out.println("public key: " + account.publicKey());
        if (account.address() != null) {
            out.println("node id:    " + NodeIds.fromAddress(account.address()));
        }
        if (withKeystore) {
            out.println("keystore:   " + account.keystore());
        }
    }
}

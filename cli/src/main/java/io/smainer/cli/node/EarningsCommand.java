package io.smainer.cli.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.swmansion.starknet.data.types.Felt;
import com.swmansion.starknet.provider.rpc.JsonRpcProvider;
import io.smainer.chain.ChainEvent;
import io.smainer.chain.EscrowEventType;
import io.smainer.chain.EventLog;
import io.smainer.chain.StarknetNetwork;
import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliException;
import io.smainer.cli.ExitCodes;
import io.smainer.cli.GlobalOptions;
import io.smainer.cli.chain.ChainOptions;
import io.smainer.cli.chain.Strk;
import io.smainer.cli.wallet.WalletFiles;
import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code smainer earnings}: the escrow's {@code get_user_earnings} for the wallet's account and the recent
 * settlements rebuilt from PayoutReleased events — amounts exact to the wei, shown in STRK.
 */
@Command(name = "earnings", mixinStandardHelpOptions = true,
        description = "On-chain earnings of this provider and its recent settlements (from escrow events).")
public final class EarningsCommand implements Runnable {
    private final CliEnvironment env;
    private final GlobalOptions global;

    @Mixin
    ChainOptions chain;

    @Option(names = "--address", paramLabel = "0x…", description = "Provider account (default: the wallet's).")
    String address;

    @Option(names = "--last", paramLabel = "N", defaultValue = "10", description = "How many recent settlements to list (default ${DEFAULT-VALUE}).")
    int last;

    public EarningsCommand(CliEnvironment env, GlobalOptions global) {
        this.env = env;
        this.global = global;
    }

    @Override
    public void run() {
        String who = address != null ? WalletFiles.normaliseAddress(address) : new WalletFiles(env).readAccount().address();
        if (who == null) {
            throw new CliException(ExitCodes.CONFIG, "the wallet has no account address yet: run smainer register, or pass --address");
        }
        BigInteger provider = Felts.parse("--address", who);
        StarknetNetwork network = chain.network(env);
        JsonRpcProvider rpc = network.provider();
        BigInteger earnings = network.escrowClient(rpc).getUserEarnings(provider);
        List<ChainEvent> payouts = new EventLog(rpc).query(network.escrow(),
                List.of(List.of(EscrowEventType.PAYOUT_RELEASED.selector()), List.of(), List.of(), List.of(new Felt(provider))));
        List<ChainEvent> recent = payouts.subList(Math.max(0, payouts.size() - Math.max(0, last)), payouts.size());
        BigInteger fromEvents = payouts.stream().map(e -> e.get("provider_payout").add(e.get("gas_subsidy")))
                .reduce(BigInteger.ZERO, BigInteger::add);
        if (global.json()) {
            ObjectNode out = new ObjectMapper().createObjectNode();
            out.put("address", who).put("earnings_wei", earnings.toString()).put("settlements", payouts.size())
                    .put("settled_wei_from_events", fromEvents.toString());
            ArrayNode list = out.putArray("recent");
            recent.forEach(e -> list.addObject().put("task_id", e.get("task_id").toString())
                    .put("provider_payout_wei", e.get("provider_payout").toString())
                    .put("gas_subsidy_wei", e.get("gas_subsidy").toString())
                    .put("tx_hash", Felts.toHex(e.transactionHash())).put("block", e.blockNumber()));
            env.out().println(out);
            return;
        }
        env.out().println("provider:  " + who);
        env.out().println("earnings:  " + Strk.format(earnings) + " (escrow get_user_earnings)");
        env.out().println("settled:   " + payouts.size() + " task(s), " + Strk.format(fromEvents) + " from PayoutReleased events"
                + (fromEvents.equals(earnings) ? "" : "  <-- differs from get_user_earnings"));
        for (ChainEvent e : recent) {
            env.out().printf("  task %-6s %s (payout %s + gas %s)  tx %s%n", e.get("task_id"),
                    Strk.format(e.get("provider_payout").add(e.get("gas_subsidy"))), Strk.format(e.get("provider_payout")),
                    Strk.format(e.get("gas_subsidy")), Felts.toHex(e.transactionHash()));
        }
    }
}

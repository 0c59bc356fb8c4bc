package io.smainer.cli.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.swmansion.starknet.provider.rpc.JsonRpcProvider;
import io.smainer.chain.StarknetNetwork;
import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliException;
import io.smainer.cli.ExitCodes;
import io.smainer.cli.GlobalOptions;
import io.smainer.cli.ProgressLine;
import io.smainer.cli.chain.ChainOptions;
import io.smainer.cli.chain.Strk;
import io.smainer.cli.relayer.RelayerApi;
import io.smainer.cli.relayer.RelayerOptions;
import io.smainer.cli.wallet.UnlockedWallet;
import io.smainer.protocol.ProtocolException;
import io.smainer.protocol.api.TaskRequirements;
import io.smainer.protocol.api.TaskSubmission;
import io.smainer.protocol.api.Tier;
import io.smainer.protocol.json.CanonicalJson;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.StarkCrypto;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code smainer tasks submit}: payload from a file or standard input, requirements from flags, and with
 * {@code --pay} the escrow first ({@code approve} + {@code create_task} in one multicall from the wallet's
 * account, {@code task_hash = sha256(canonical_json(payload)) mod P}), then {@code POST /tasks} with the
 * escrow's id as {@code on_chain_task_id}. Prints the task id (alone on stdout, for scripts).
 */
@Command(name = "submit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Submit a task: the payload (a JSON object) from --payload-file or standard input.",
            "With --pay the amount is escrowed on chain first (approve + create_task) and linked to the task.",
            "Prints the task id."})
public final class TasksSubmitCommand implements Runnable {
    private static final BigDecimal WEI_PER_STRK = BigDecimal.TEN.pow(18);

    private final CliEnvironment env;
    private final GlobalOptions global;
    private final StarkCrypto crypto;

    @Mixin
    RelayerOptions relayer;

    @Mixin
    ChainOptions chain;

    @Option(names = "--payload-file", paramLabel = "FILE", description = "The payload JSON object (default: standard input; '-' too).")
    String payloadFile;

    @Option(names = "--cpu-threads", paramLabel = "N", description = "Minimum CPU threads.")
    Integer cpuThreads;

    @Option(names = "--ram-gb", paramLabel = "GB", description = "Minimum RAM in GB.")
    Double ramGb;

    @Option(names = "--gpu", description = "Require a GPU.")
    boolean gpu;

    @Option(names = "--min-vram-gb", paramLabel = "GB", description = "Minimum GPU memory in GB.")
    Double minVramGb;

    @Option(names = "--max-execution-time", paramLabel = "SECONDS", description = "Time limit of one run (relayer default 300).")
    Integer maxExecutionTime;

    @Option(names = "--tier", paramLabel = "TIER", description = "Required node tier: basic, pro or premium.")
    String tier;

    @Option(names = "--model", paramLabel = "NAME", description = "Model the node must offer (ai_inference).")
    String model;

    @Option(names = "--amount", paramLabel = "WEI", description = "token_amount in wei (an integer).")
    String amountWei;

    @Option(names = "--amount-strk", paramLabel = "STRK", description = "token_amount in STRK, e.g. 0.1 (at most 18 decimals).")
    String amountStrk;

    @Option(names = "--description", paramLabel = "TEXT", description = "Free text stored with the task.")
    String description;

    @Option(names = "--pay", description = "Escrow the amount on chain first (approve + create_task from the wallet's account).")
    boolean pay;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Keystore passphrase for --pay (else SMAINER_KEYSTORE_PASSWORD, else a prompt).")
    Path passphraseFile;

    public TasksSubmitCommand(CliEnvironment env, GlobalOptions global, StarkCrypto crypto) {
        this.env = env;
        this.global = global;
        this.crypto = crypto;
    }

    @Override
    public void run() {
        ProtocolJson json = new ProtocolJson();
        JsonNode payload = readPayload();
        BigInteger amount = amount();
        TaskRequirements requirements = requirements();
        // Validate the whole body locally first: a typo should not cost an escrow transaction.
        TaskSubmission draft = validated(json, body(json, payload, requirements, amount, null));
        RelayerApi api = relayer.api(env, Optional.empty());
        BigInteger onChainId = null;
        if (pay) {
            api.health(); // fail before paying when the relayer is not there
            onChainId = escrow(payload, amount);
        }
        ObjectNode body = body(json, payload, requirements, draft.tokenAmount(), onChainId);
        String taskId;
        try {
            taskId = api.submit(json.write(body));
        } catch (RuntimeException e) {
            if (onChainId != null) {
                env.err().println("note: escrow task " + onChainId + " holds " + Strk.format(amount) + " but no relayer task uses it;"
                        + " submit again with the same payload once the relayer accepts, or cancel_task it while it is CREATED");
            }
            throw e;
        }
        if (global.json()) {
            ObjectNode out = json.mapper().createObjectNode().put("task_id", taskId).put("token_amount", amount.toString());
            out.put("on_chain_task_id", onChainId == null ? null : onChainId.toString());
            env.out().println(out);
        } else {
            env.out().println(taskId);
        }
    }

    private BigInteger escrow(JsonNode payload, BigInteger amount) {
        if (amount.signum() <= 0) {
            throw new CliException(ExitCodes.USAGE, "--pay needs a positive --amount or --amount-strk: there is nothing to escrow");
        }
        BigInteger taskHash = CanonicalJson.sha256ModP(payload);
        StarknetNetwork network = chain.network(env);
        UnlockedWallet wallet = UnlockedWallet.unlock(env, passphraseFile, crypto);
        if (wallet.account().address() == null) {
            wallet.key().destroy();
            throw new CliException(ExitCodes.CONFIG, "the wallet has no account address to pay from: link one with "
                    + "smainer wallet import --force --address 0x… --from-keystore " + wallet.account().keystore());
        }
        try (ProgressLine progress = ProgressLine.start(env, "escrowing " + Strk.format(amount) + " on " + network.rpcUrl())) {
            JsonRpcProvider rpc = network.provider();
            BigInteger id = network.escrowClient(rpc).createTask(
                    network.account(rpc, Felts.parse("address", wallet.account().address()), wallet.key()),
                    network.strk(), amount, taskHash);
            progress.update("escrowed");
            env.err().println("escrowed " + Strk.format(amount) + " in escrow task " + id + " (escrow "
                    + Felts.toHex(network.escrow()) + ", task_hash " + Felts.toHex(taskHash) + ")");
            return id;
        } finally {
            wallet.key().destroy();
        }
    }

    private ObjectNode body(ProtocolJson json, JsonNode payload, TaskRequirements req, BigInteger amount, BigInteger onChainId) {
        ObjectNode body = json.mapper().createObjectNode();
        body.set("payload", payload);
        body.set("requirements", json.toTree(req));
        body.put("token_amount", amount);
        if (description != null) {
            body.put("description", description);
        }
        if (onChainId != null) {
            body.put("on_chain_task_id", onChainId);
        }
        return body;
    }

    private static TaskSubmission validated(ProtocolJson json, ObjectNode body) {
        try {
            return json.readBody(json.write(body), TaskSubmission.class);
        } catch (ProtocolException e) {
            throw new CliException(ExitCodes.USAGE, "the task is not valid: " + e.getMessage() + " (at "
                    + String.join(".", e.location().stream().map(String::valueOf).toList()) + "); nothing was sent");
        }
    }

    private JsonNode readPayload() {
        byte[] bytes;
        String source;
        if (payloadFile == null || payloadFile.equals("-")) {
            bytes = env.readStdinBytes();
            source = "standard input";
        } else {
            source = "--payload-file " + payloadFile;
            try {
                bytes = Files.readAllBytes(Path.of(payloadFile));
            } catch (NoSuchFileException e) {
                throw new CliException(ExitCodes.USAGE, source + " does not exist");
            } catch (IOException e) {
                throw new CliException(ExitCodes.IO, "cannot read " + source + ": " + e.getMessage());
            }
        }
        if (bytes.length == 0) {
            throw new CliException(ExitCodes.USAGE, "no payload: " + source + " is empty; pass --payload-file FILE or pipe a JSON object,"
                    + " e.g. echo '{\"task_type\":\"HASH\",\"data\":\"hello\"}' | smainer tasks submit");
        }
        JsonNode payload;
        try {
            payload = CanonicalJson.parse(bytes);
        } catch (RuntimeException e) {
            throw new CliException(ExitCodes.USAGE, "the payload from " + source + " is not valid JSON (" + e.getMessage() + ")");
        }
        if (!payload.isObject()) {
            throw new CliException(ExitCodes.USAGE, "the payload from " + source + " must be a JSON object, not "
                    + payload.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return payload;
    }

    private BigInteger amount() {
        if (amountWei != null && amountStrk != null) {
            throw new CliException(ExitCodes.USAGE, "give either --amount (wei) or --amount-strk, not both");
        }
        if (amountWei != null) {
            try {
                BigInteger v = new BigInteger(amountWei.trim());
                if (v.signum() < 0) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new CliException(ExitCodes.USAGE, "--amount '" + amountWei + "' is not a non-negative integer number of wei"
                        + " (use --amount-strk for decimals)");
            }
        }
        if (amountStrk != null) {
            try {
                BigDecimal wei = new BigDecimal(amountStrk.trim()).multiply(WEI_PER_STRK);
                if (wei.signum() < 0 || wei.stripTrailingZeros().scale() > 0) {
                    throw new NumberFormatException();
                }
                return wei.toBigIntegerExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new CliException(ExitCodes.USAGE, "--amount-strk '" + amountStrk + "' is not a non-negative STRK amount with"
                        + " at most 18 decimals, e.g. 0.1");
            }
        }
        return BigInteger.ZERO;
    }

    private TaskRequirements requirements() {
        Tier required = null;
        if (tier != null) {
            try {
                required = Tier.fromWire(tier.toLowerCase(java.util.Locale.ROOT));
            } catch (RuntimeException e) {
                throw new CliException(ExitCodes.USAGE, "--tier '" + tier + "' is not one of basic, pro, premium");
            }
        }
        try {
            return new TaskRequirements(cpuThreads, ramGb, gpu ? Boolean.TRUE : null, maxExecutionTime, minVramGb, required, model);
        } catch (RuntimeException e) {
            throw new CliException(ExitCodes.USAGE, "invalid requirement: " + e.getMessage());
        }
    }
}

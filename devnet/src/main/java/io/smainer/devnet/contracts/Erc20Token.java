package io.smainer.devnet.contracts;

import static io.smainer.devnet.exec.CairoSerde.bool;
import static io.smainer.devnet.exec.CairoSerde.u256;

import io.smainer.devnet.exec.CairoSerde;
import io.smainer.devnet.exec.CalldataReader;
import io.smainer.devnet.exec.ContractRevert;
import io.smainer.devnet.exec.ExecutionContext;
import io.smainer.devnet.exec.NativeContract;
import java.math.BigInteger;
import java.util.List;

/**
 * The devnet's STRK: an ERC-20 with the semantics and error strings of {@code MockERC20} in
 * contracts/tests/support.cairo (OpenZeppelin v0.17.0 {@code ERC20Component}: {@code transfer_from}
 * spends the allowance without an {@code Approval} event), so the shared scenario table holds on
 * both. Adds the metadata views and OZ's camelCase aliases that wallets and starknet-jvm call.
 * Storage slots carry the Cairo storage names: {@code balances[a]}, {@code allowances[o,s]},
 * {@code total_supply}.
 */
public final class Erc20Token implements NativeContract {
    /** Synthetic class hash of this native class (no Sierra program backs it). */
    public static final BigInteger CLASS_HASH = NativeClassHashes.of("smainer-devnet/erc20/1");

    private final String name;
    private final String symbol;
    private final int decimals;

    public Erc20Token(String name, String symbol, int decimals) {
        this.name = name;
        this.symbol = symbol;
        this.decimals = decimals;
    }

    @Override
    public BigInteger classHash() {
        return CLASS_HASH;
    }

    @Override
    public List<String> entryPoints() {
        return List.of("name", "symbol", "decimals", "total_supply", "totalSupply", "balance_of", "balanceOf",
                "allowance", "transfer", "transfer_from", "transferFrom", "approve");
    }

    @Override
    public List<BigInteger> execute(ExecutionContext ctx, String entryPoint, List<BigInteger> calldata) {
        CalldataReader in = new CalldataReader(calldata);
        switch (entryPoint) {
            case "name": in.end(); return List.of(CairoSerde.shortString(name));
            case "symbol": in.end(); return List.of(CairoSerde.shortString(symbol));
            case "decimals": in.end(); return List.of(BigInteger.valueOf(decimals));
            case "total_supply":
            case "totalSupply": in.end(); return u256(ctx.read("total_supply"));
            case "balance_of":
            case "balanceOf": {
                BigInteger account = in.address();
                in.end();
                return u256(ctx.read(balanceSlot(account)));
            }
            case "allowance": {
                BigInteger owner = in.address();
                BigInteger spender = in.address();
                in.end();
                return u256(ctx.read(allowanceSlot(owner, spender)));
            }
            case "transfer": {
                BigInteger recipient = in.address();
                BigInteger amount = in.u256();
                in.end();
                transfer(ctx, ctx.callerAddress(), recipient, amount);
                return List.of(bool(true));
            }
            case "transfer_from":
            case "transferFrom": {
                BigInteger sender = in.address();
                BigInteger recipient = in.address();
                BigInteger amount = in.u256();
                in.end();
                return List.of(bool(transferFrom(ctx, sender, recipient, amount)));
            }
            case "approve": {
                BigInteger spender = in.address();
                BigInteger amount = in.u256();
                in.end();
                BigInteger owner = ctx.callerAddress();
                ctx.write(allowanceSlot(owner, spender), amount);
                ctx.emit("Approval", List.of(owner, spender), u256(amount));
                return List.of(bool(true));
            }
            default:
                throw new IllegalStateException("entry point " + entryPoint + " is listed but not dispatched");
        }
    }

    /** Mirrors {@code MockERC20::transfer_from}. */
    private static boolean transferFrom(ExecutionContext ctx, BigInteger sender, BigInteger recipient, BigInteger amount) {
        BigInteger spender = ctx.callerAddress();
        BigInteger allowed = ctx.read(allowanceSlot(sender, spender));
        if (allowed.compareTo(amount) < 0) {
            throw new ContractRevert("ERC20: insufficient allowance");
        }
        ctx.write(allowanceSlot(sender, spender), allowed.subtract(amount));
        transfer(ctx, sender, recipient, amount);
        return true;
    }

    /** Mirrors {@code MockERC20::_transfer}. */
    private static void transfer(ExecutionContext ctx, BigInteger sender, BigInteger recipient, BigInteger amount) {
        BigInteger balance = ctx.read(balanceSlot(sender));
        if (balance.compareTo(amount) < 0) {
            throw new ContractRevert("ERC20: insufficient balance");
        }
        ctx.write(balanceSlot(sender), balance.subtract(amount));
        BigInteger received = ctx.read(balanceSlot(recipient)).add(amount);
        if (received.compareTo(CairoSerde.U256_MAX) > 0) {
            throw new ContractRevert("u256_add Overflow");
        }
        ctx.write(balanceSlot(recipient), received);
        ctx.emit("Transfer", List.of(sender, recipient), u256(amount));
    }

    /**
     * Mirrors {@code MockERC20::mint}: the devnet faucet and genesis funding. Not an entry point:
     * only the devnet itself mints.
     */
    public static void mint(ExecutionContext ctx, BigInteger recipient, BigInteger amount) {
        ctx.write("total_supply", ctx.read("total_supply").add(amount));
        ctx.write(balanceSlot(recipient), ctx.read(balanceSlot(recipient)).add(amount));
        ctx.emit("Transfer", List.of(BigInteger.ZERO, recipient), u256(amount));
    }

    public static String balanceSlot(BigInteger account) {
        return "balances[" + CairoSerde.hex(account) + "]";
    }

    static String allowanceSlot(BigInteger owner, BigInteger spender) {
        return "allowances[" + CairoSerde.hex(owner) + "," + CairoSerde.hex(spender) + "]";
    }
}

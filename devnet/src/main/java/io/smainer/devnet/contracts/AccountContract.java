package io.smainer.devnet.contracts;

import io.smainer.devnet.exec.CairoSerde;
import io.smainer.devnet.exec.CalldataReader;
import io.smainer.devnet.exec.ContractRevert;
import io.smainer.devnet.exec.ExecutionContext;
import io.smainer.protocol.stark.StarkCrypto;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An OpenZeppelin-style account (v0.17.0 {@code AccountComponent}): one Stark public key,
 * {@code __execute__} of a Cairo-1 {@code Array<Call>} (what starknet-jvm's {@code CairoVersion.ONE}
 * calldata encodes), signature check over the transaction hash. Error strings are OZ's.
 */
public final class AccountContract implements io.smainer.devnet.exec.NativeContract {
    public static final BigInteger CLASS_HASH = NativeClassHashes.of("smainer-devnet/account/1");
    /** {@code starknet::VALIDATED}: what {@code __validate__} and {@code is_valid_signature} return. */
    public static final BigInteger VALIDATED = CairoSerde.shortString("VALID");
    public static final String PUBLIC_KEY_SLOT = "Account_public_key";

    @Override
    public BigInteger classHash() {
        return CLASS_HASH;
    }

    @Override
    public List<String> entryPoints() {
        return List.of("__execute__", "is_valid_signature", "isValidSignature", "get_public_key", "getPublicKey");
    }

    @Override
    public List<BigInteger> execute(ExecutionContext ctx, String entryPoint, List<BigInteger> calldata) {
        CalldataReader in = new CalldataReader(calldata);
        switch (entryPoint) {
            case "__execute__":
                return executeCalls(ctx, calldata);
            case "is_valid_signature":
            case "isValidSignature": {
                BigInteger hash = in.felt();
                List<BigInteger> signature = in.feltArray();
                in.end();
                BigInteger key = ctx.read(PUBLIC_KEY_SLOT);
                return List.of(isValidSignature(ctx.crypto(), key, hash, signature) ? VALIDATED : BigInteger.ZERO);
            }
            case "get_public_key":
            case "getPublicKey":
                in.end();
                return List.of(ctx.read(PUBLIC_KEY_SLOT));
            default:
                throw new IllegalStateException("entry point " + entryPoint + " is listed but not dispatched");
        }
    }

    /** OZ {@code __execute__}: only the protocol (caller 0) may call it; runs every call in order. */
    private static List<BigInteger> executeCalls(ExecutionContext ctx, List<BigInteger> calldata) {
        if (ctx.callerAddress().signum() != 0) {
            throw new ContractRevert("Account: invalid caller");
        }
        List<Call> calls = decodeCalls(calldata);
        List<BigInteger> out = new ArrayList<>();
        out.add(BigInteger.valueOf(calls.size()));
        for (Call call : calls) {
            List<BigInteger> ret = ctx.call(call.to(), call.selector(), call.calldata());
            out.add(BigInteger.valueOf(ret.size()));
            out.addAll(ret);
        }
        return out;
    }

    /** {@code [n, (to, selector, len, data…)×n]}. */
    public static List<Call> decodeCalls(List<BigInteger> calldata) {
        CalldataReader in = new CalldataReader(calldata);
        BigInteger count = in.felt();
        if (count.compareTo(BigInteger.valueOf(calldata.size())) > 0) {
            throw new ContractRevert("Failed to deserialize param #1");
        }
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < count.intValueExact(); i++) {
            BigInteger to = in.felt();
            BigInteger selector = in.felt();
            calls.add(new Call(to, selector, in.feltArray()));
        }
        in.end();
        return calls;
    }

    /** OZ {@code _is_valid_signature}: exactly {@code [r, s]}, checked against the stored key. */
    public static boolean isValidSignature(StarkCrypto crypto, BigInteger publicKey, BigInteger hash, List<BigInteger> signature) {
        return signature.size() == 2 && publicKey.signum() != 0
                && crypto.verify(publicKey, hash, signature.get(0), signature.get(1));
    }

    /** One element of the {@code Array<Call>}. */
    public record Call(BigInteger to, BigInteger selector, List<BigInteger> calldata) {
        public Call {
            calldata = List.copyOf(calldata);
        }
    }
}

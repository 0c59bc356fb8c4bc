package io.smainer.devnet.exec;

import java.math.BigInteger;
import java.util.List;

/**
 * A contract class implemented in Java. {@link #entryPoints()} lists the external entry point names
 * (the ABI functions); the executor resolves selectors ({@code starknet_keccak(name)}) against it.
 */
public interface NativeContract {

    /** The class hash this class is registered under (what {@code starknet_getClassHashAt} answers). */
    BigInteger classHash();

    /** External entry point names, e.g. {@code create_task}. */
    List<String> entryPoints();

    /** Runs {@code entryPoint}; returns the Cairo-serialized return values. Throws {@link ContractRevert} on panic. */
    List<BigInteger> execute(ExecutionContext ctx, String entryPoint, List<BigInteger> calldata);
}

package io.smainer.devnet.exec;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A Cairo panic raised by a native contract: {@code assert(cond, 'short string')} in Cairo becomes
 * {@code throw new ContractRevert("short string")} here. The reason is the felt a Cairo contract
 * would panic with, so receipts and scenario checks see the same text on both implementations.
 */
public final class ContractRevert extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final BigInteger reasonFelt;
    private final BigInteger contractAddress;
    private final BigInteger selector;

    /**
     * A panic with {@code reason}: a Cairo short string (≤ 31 ASCII characters) becomes its felt;
     * longer texts (the executor's own errors, e.g. an undeployed callee) have no felt.
     */
    public ContractRevert(String reason) {
        this(reason, reason.length() <= 31 && reason.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)
                ? CairoSerde.shortString(reason) : null, null, null);
    }

    private ContractRevert(String reason, BigInteger reasonFelt, BigInteger contractAddress, BigInteger selector) {
        super(Objects.requireNonNull(reason, "reason"), null, false, false);
        this.reasonFelt = reasonFelt;
        this.contractAddress = contractAddress;
        this.selector = selector;
    }

    /** The same revert, located at the innermost contract call that raised it (kept on re-throw). */
    ContractRevert at(BigInteger address, BigInteger entryPointSelector) {
        return contractAddress != null ? this : new ContractRevert(reason(), reasonFelt, address, entryPointSelector);
    }

    /** The panic felt (a Cairo short string), or null when the reason is not a short string. */
    public BigInteger reasonFelt() {
        return reasonFelt;
    }

    /** The panic felt decoded as ASCII, e.g. {@code caller is not the relayer}. */
    public String reason() {
        return getMessage();
    }

    /**
     * The revert reason a receipt carries: the failing contract, selector and the panic felt in the
     * {@code 0x… ('text')} form Starknet nodes print.
     */
    public String describe() {
        String where = contractAddress == null ? ""
                : "Error in the called contract (contract address: " + CairoSerde.hex(contractAddress)
                        + ", selector: " + CairoSerde.hex(selector) + "):\n";
        String failure = reasonFelt == null ? reason() : CairoSerde.hex(reasonFelt) + " ('" + reason() + "')";
        return where + "Execution failed. Failure reason: " + failure + ".";
    }
}

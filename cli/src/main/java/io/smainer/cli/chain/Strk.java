package io.smainer.cli.chain;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Prints wei as STRK with all 18 decimals kept (no rounding, trailing zeros trimmed). */
public final class Strk {
    private Strk() {}

    public static String format(BigInteger wei) {
        BigDecimal strk = new BigDecimal(wei).movePointLeft(18).stripTrailingZeros();
        return (strk.scale() < 0 ? strk.setScale(0) : strk).toPlainString() + " STRK";
    }
}

package io.smainer.protocol.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An independent, slow reference for "shortest digits that read back as the double, nearest of those,
 * ties to even": for each precision from 1 up, round the exact binary value down and up and keep the
 * first precision at which either reads back.
 */
final class ShortestRoundTripOracle {
    private ShortestRoundTripOracle() {}

    /** @param value positive and finite */
    static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downReadsBack = readsBack(down, value);
            boolean upReadsBack = readsBack(up, value);
            if (downReadsBack && upReadsBack) {
                int nearer = exact.subtract(down).compareTo(up.subtract(exact));
                if (nearer != 0) {
                    return nearer < 0 ? down : up;
                }
                return down.unscaledValue().testBit(0) ? up : down;
            }
            if (downReadsBack) {
                return down;
            }
            if (upReadsBack) {
                return up;
            }
        }
        throw new AssertionError("17 significant digits always read back: " + value);
    }

    static boolean readsBack(BigDecimal decimal, double value) {
        return Double.doubleToRawLongBits(Double.parseDouble(decimal.toString())) == Double.doubleToRawLongBits(value);
    }
}

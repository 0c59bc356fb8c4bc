package io.smainer.protocol.json;

import java.math.BigInteger;

/**
 * The shortest decimal {@code significand × 10^exponent} that reads back as a given positive double,
 * and of those the one nearest to it (ties to an even last digit). This is what David Gay's
 * {@code dtoa} mode 0 returns and therefore what CPython's {@code repr(float)} prints; Java 17's
 * {@link Double#toString(double)} is not always shortest (JDK-4511638, fixed in JDK 19), so we do not
 * use it.
 *
 * <p>The method is exact: the double and the two midpoints to its neighbours become integers scaled
 * by a common power of ten, and we look for the largest power of ten that has a multiple between the
 * midpoints. A midpoint counts as inside when the double's significand is even, because IEEE
 * round-half-even parsing sends it there.
 *
 * @param significand decimal digits without trailing zeros, at most 17 of them
 * @param exponent power of ten the significand is scaled by
 */
record ShortestDecimal(long significand, int exponent) {
    private static final long FRACTION_MASK = (1L << 52) - 1;
    private static final int MIN_BINARY_EXPONENT = -1074;
    /** 5^0 … 5^1076: enough for the smallest subnormal, whose scaled midpoints carry 2^-1076. */
    private static final BigInteger[] POWERS_OF_FIVE = powersOfFive(1077);
    /** floor(log10(2) · 2^32), rounded down so the estimate below never overshoots. */
    private static final long LOG10_2_TIMES_2_POW_32 = 1_292_913_986L;

    /** @param value a positive, finite double */
    static ShortestDecimal of(double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("expected a positive finite double");
        }
        long bits = Double.doubleToRawLongBits(value);
        int biasedExponent = (int) (bits >>> 52);
        long fraction = bits & FRACTION_MASK;
        long m;
        int e;
        if (biasedExponent == 0) {
            m = fraction;
            e = MIN_BINARY_EXPONENT;
        } else {
            m = fraction | (1L << 52);
            e = biasedExponent - 1075;
        }
        if (e <= 0 && e > -53 && (m & ((1L << -e) - 1)) == 0) {
            // An integer below 2^53: its neighbours are at least 1 away, so its own digits are shortest.
            return stripTrailingZeros(m >> -e, 0);
        }
        return shortest(m, e, biasedExponent, fraction == 0);
    }

    private static ShortestDecimal shortest(long m, int e, int biasedExponent, boolean fractionZero) {
        // value = 4m · 2^(e-2); midpoints to the neighbours are 4m ± 2, or 4m − 1 below a power of two
        // whose predecessor is only half as far away (not for the smallest normal exponent).
        boolean lowerGapHalved = fractionZero && biasedExponent > 1;
        long scaledValue = 4 * m;
        long scaledHigh = scaledValue + 2;
        long scaledLow = scaledValue - (lowerGapHalved ? 1 : 2);
        int binaryExponent = e - 2;

        BigInteger value;
        BigInteger low;
        BigInteger high;
        int decimalExponent;
        if (binaryExponent >= 0) {
            value = BigInteger.valueOf(scaledValue).shiftLeft(binaryExponent);
            low = BigInteger.valueOf(scaledLow).shiftLeft(binaryExponent);
            high = BigInteger.valueOf(scaledHigh).shiftLeft(binaryExponent);
            decimalExponent = 0;
        } else {
            // 2^-k = 5^k · 10^-k keeps everything integral.
            BigInteger five = POWERS_OF_FIVE[-binaryExponent];
            value = five.multiply(BigInteger.valueOf(scaledValue));
            low = five.multiply(BigInteger.valueOf(scaledLow));
            high = five.multiply(BigInteger.valueOf(scaledHigh));
            decimalExponent = binaryExponent;
        }
        if ((m & 1) != 0) {
            // Odd significand: a decimal exactly on a midpoint would parse to the even neighbour.
            low = low.add(BigInteger.ONE);
            high = high.subtract(BigInteger.ONE);
        }
        return fewestDigits(value, low, high, decimalExponent);
    }

    /**
     * The multiple of the largest power of ten within {@code [low, high]} nearest to {@code value},
     * ties to even; all three are integers in units of {@code 10^decimalExponent}.
     */
    private static ShortestDecimal fewestDigits(BigInteger value, BigInteger low, BigInteger high,
                                                int decimalExponent) {
        // count consecutive integers always hold a multiple of 10^t when 10^t <= count.
        BigInteger count = high.subtract(low).add(BigInteger.ONE);
        int t = (int) (((count.bitLength() - 1) * LOG10_2_TIMES_2_POW_32) >>> 32);
        BigInteger pow = powerOfTen(t);
        BigInteger[] lowQr = low.divideAndRemainder(pow);
        // The candidates k·10^t lie in [first, last]; both fit in a long because 10^t > count/20
        // and high/count < 2^55.
        long first = lowQr[0].longValueExact() + (lowQr[1].signum() == 0 ? 0 : 1);
        long last = high.divide(pow).longValueExact();
        // A multiple of 10^(t+1) between the midpoints is a multiple of 10 among the candidates.
        while (Math.floorDiv(last, 10) * 10 >= first) {
            first = Math.floorDiv(first + 9, 10);
            last = Math.floorDiv(last, 10);
            t++;
        }
        pow = powerOfTen(t);
        BigInteger[] qr = value.divideAndRemainder(pow);
        long k = qr[0].longValueExact();
        int half = qr[1].shiftLeft(1).compareTo(pow);
        if (half > 0 || (half == 0 && (k & 1) != 0)) {
            k++;
        }
        return stripTrailingZeros(Math.max(first, Math.min(last, k)), decimalExponent + t);
    }

    private static BigInteger powerOfTen(int t) {
        return t < POWERS_OF_FIVE.length ? POWERS_OF_FIVE[t].shiftLeft(t) : BigInteger.TEN.pow(t);
    }

    private static ShortestDecimal stripTrailingZeros(long significand, int exponent) {
        long s = significand;
        int x = exponent;
        while (s % 10 == 0) {
            s /= 10;
            x++;
        }
        return new ShortestDecimal(s, x);
    }

    private static BigInteger[] powersOfFive(int count) {
        BigInteger[] powers = new BigInteger[count];
        powers[0] = BigInteger.ONE;
        BigInteger five = BigInteger.valueOf(5);
        for (int i = 1; i < count; i++) {
            powers[i] = powers[i - 1].multiply(five);
        }
        return powers;
    }
}

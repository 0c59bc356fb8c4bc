package io.smainer.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PythonFloatRepr} against what CPython 3.11 {@code repr(float)} prints (checked by hand). */
class PythonFloatReprTest {

    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource({
        "2.5, 2.5",
        "1e-05, 1e-05",
        "1e16, 1e+16",
        "0.1, 0.1",
        "-0.0, -0.0",
        "0.0, 0.0",
        "1.0, 1.0",
        "100.0, 100.0",
        "-1.5, -1.5",
        "0.5, 0.5",
        "123456789012345.0, 123456789012345.0",
        "1.2345678901234567e19, 1.2345678901234567e+19",
        "12345678901234567890.0, 1.2345678901234567e+19",
        "5e-324, 5e-324",
        "4.9406564584124654e-324, 5e-324",
        "1e-323, 1e-323",
        "1.5e-323, 1.5e-323",
        "5e-310, 5e-310",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "-1.7976931348623157e308, -1.7976931348623157e+308",
        "2.2250738585072014e-308, 2.2250738585072014e-308",
        "2.225073858507201e-308, 2.225073858507201e-308",
        "0.30000000000000004, 0.30000000000000004",
        "0.3333333333333333, 0.3333333333333333",
        "0.6666666666666666, 0.6666666666666666",
        "4.35, 4.35",
        "0.3, 0.3",
        "3.14159, 3.14159",
        "1e-4, 0.0001",
        "0.000123, 0.000123",
        "0.001, 0.001",
        "2e-3, 0.002",
        "1e-7, 1e-07",
        "123e-20, 1.23e-18",
        "1e15, 1000000000000000.0",
        "9999999999999998.0, 9999999999999998.0",
        "9007199254740992.0, 9007199254740992.0",
        "9.007199254740993e15, 9007199254740992.0",
        "9.223372036854775807e18, 9.223372036854776e+18",
        "1e21, 1e+21",
        "1e22, 1e+22",
        "1e23, 1e+23",
        "2e23, 2e+23",
        "8.41e21, 8.41e+21",
        "1.5e300, 1.5e+300",
        "1e100, 1e+100",
        // 2^50 + 0.25 and + 0.75: two shortest candidates equally near; Python takes the even digit.
        "1125899906842624.25, 1125899906842624.2",
        "1125899906842624.75, 1125899906842624.8",
    })
    void matchesCpythonRepr(double value, String python) {
        assertThat(PythonFloatRepr.repr(value)).isEqualTo(python);
        assertThat(Double.parseDouble(python)).isEqualTo(value);
    }

    /** Java 17's Double.toString is not shortest (JDK-4511638) for these; Python's repr is. */
    @ParameterizedTest(name = "bits {0} -> {1}")
    @CsvSource({
        "43965f3cb98819bb, 4.030184897929827e+17",
        "436a36c9e45467c8, 5.902872113232237e+16",
        "c3cdcc5d23618f56, -4.294387057781812e+18",
        "c3ba16668d2efa46, -1.8798026510383365e+18",
    })
    void shorterThanJava17DoubleToString(String hexBits, String python) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(hexBits, 16));

        assertThat(PythonFloatRepr.repr(value)).isEqualTo(python);
        assertThat(Double.parseDouble(python)).isEqualTo(value);
    }

    @Test
    void smallestSubnormalIsOneDigitNotJavasTwo() {
        assertThat(PythonFloatRepr.repr(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(PythonFloatRepr.repr(-Double.MIN_VALUE)).isEqualTo("-5e-324");
    }

    @Test
    void negativeZeroKeepsItsSign() {
        assertThat(PythonFloatRepr.repr(-0.0)).isEqualTo("-0.0");
        assertThat(PythonFloatRepr.repr(0.0)).isEqualTo("0.0");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteIsRejected(double value) {
        assertThatThrownBy(() -> PythonFloatRepr.repr(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN and Infinity");
    }
}

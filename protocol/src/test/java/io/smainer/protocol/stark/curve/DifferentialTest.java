package io.smainer.protocol.stark.curve;

import org.junit.jupiter.api.Test;

/**
 * The default differential suite against starknet-jvm, sized by the reference's cost (its signing
 * takes ≈ 87 ms, verification ≈ 2 ms, a public key ≈ 10 ms). {@link DifferentialSlowTest} runs the
 * same checks fifty times longer.
 */
class DifferentialTest {
    private final DifferentialChecks checks = new DifferentialChecks(StarkInputs.forSuite("DifferentialTest"));

    @Test
    void pedersenHashesEqual() {
        checks.pedersenHashesEqual(2_000);
    }

    @Test
    void ourSignaturesVerifiedByStarknetJvm() {
        checks.ourSignaturesVerifiedByReference(2_000, 10);
    }

    @Test
    void starknetJvmSignaturesEqualOursAndVerify() {
        checks.referenceSignaturesEqualAndVerified(200);
    }

    @Test
    void preparedKeysAgreeWithStarknetJvm() {
        checks.preparedKeysAgreeWithReference(300);
    }

    @Test
    void publicKeysEqual() {
        checks.publicKeysEqual(500);
    }
}

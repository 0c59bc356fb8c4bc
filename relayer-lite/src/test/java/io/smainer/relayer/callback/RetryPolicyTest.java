package io.smainer.relayer.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void delaysDoubleFromOneSecondUpToFiveMinutesAndStopAfterADay() {
        RetryPolicy p = RetryPolicy.standard();
        assertThat(p.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.delay(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(p.delay(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.delay(200)).isEqualTo(Duration.ofMinutes(5));
        long total = 0;
        for (int a = 1; p.mayRetryAfter(a); a++) {
            total += p.delay(a).toSeconds();
        }
        assertThat(total).isBetween(Duration.ofHours(24).toSeconds(), Duration.ofHours(24).toSeconds() + 300);
    }

    @Test
    void onlyTransientAnswersAreRetried() {
        assertThat(RetryPolicy.isRetryable(null)).isTrue();
        assertThat(RetryPolicy.isRetryable(408)).isTrue();
        assertThat(RetryPolicy.isRetryable(429)).isTrue();
        assertThat(RetryPolicy.isRetryable(500)).isTrue();
        assertThat(RetryPolicy.isRetryable(503)).isTrue();
        assertThat(RetryPolicy.isRetryable(400)).isFalse();
        assertThat(RetryPolicy.isRetryable(401)).isFalse();
        assertThat(RetryPolicy.isRetryable(404)).isFalse();
    }
}

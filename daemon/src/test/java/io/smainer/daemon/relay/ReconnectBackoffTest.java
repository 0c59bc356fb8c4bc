package io.smainer.daemon.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
    @Test
    void ceilingDoublesFromOneSecondUpToTheCapForever() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, () -> 0.999999);
        List<Long> ceilings = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ceilings.add(b.ceiling().toMillis());
            b.next();
        }
        assertThat(ceilings.subList(0, 8)).containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, 32000L, 60000L, 60000L);
        assertThat(ceilings.get(99)).isEqualTo(60000L);
        assertThat(b.attempts()).isEqualTo(100);
    }

    @Test
    void fullJitterSpansZeroToCeiling() {
        double[] r = {0.0, 0.5, 0.999};
        int[] i = {0};
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, () -> r[i[0]++]);
        assertThat(b.next()).isEqualTo(Duration.ZERO);
        assertThat(b.next()).isEqualTo(Duration.ofMillis(1000));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(3996));
    }

    @Test
    void resetStartsOver() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, () -> 0.5);
        for (int i = 0; i < 10; i++) {
            b.next();
        }
        b.reset();
        assertThat(b.attempts()).isZero();
        assertThat(b.ceiling()).isEqualTo(Duration.ofSeconds(1));
    }
}

package io.smainer.relayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.relayer.testkit.InProcessRelayer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --require-payment} without a chain client: 400 without an escrow id, 503 with one (PROTOCOL.md §1). */
class PaymentRequiredIT {
    @TempDir
    Path dir;

    @Test
    void submissionsNeedAnEscrowThatCanBeChecked() throws Exception {
        try (InProcessRelayer r = new InProcessRelayer(dir, b -> b.requirePayment(true))) {
            var missing = r.api.post("/tasks", "{\"payload\":{}}");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.body().get("code").asText()).isEqualTo("payment_required");
            var unverifiable = r.api.post("/tasks", "{\"payload\":{},\"on_chain_task_id\":5}");
            assertThat(unverifiable.status()).isEqualTo(503);
            assertThat(unverifiable.body().get("code").asText()).isEqualTo("chain_unavailable");
        }
    }
}

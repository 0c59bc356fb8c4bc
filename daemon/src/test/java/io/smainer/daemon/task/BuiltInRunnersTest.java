package io.smainer.daemon.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smainer.protocol.api.TaskRequirements;
import io.smainer.protocol.wire.TaskErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BuiltInRunnersTest {
    final ObjectMapper json = new ObjectMapper();

    private TaskOutcome run(TaskRunner r, String payload) throws Exception {
        JsonNode p = json.readTree(payload);
        assertThat(r.accepts(p)).isTrue();
        return r.run(new TaskContext("t", p, TaskRequirements.NONE, Duration.ofSeconds(5)));
    }

    @Test
    void hashIsSha256OfUtf8Data() throws Exception {
        TaskOutcome o = run(new HashRunner(), "{\"task_type\":\"HASH\",\"data\":\"hello world\"}");
        assertThat(o.resultData().get("hash").asText())
                .isEqualTo("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
        assertThat(o.resultData().get("input_bytes").asInt()).isEqualTo(11);
        TaskOutcome unicode = run(new HashRunner(), "{\"task_type\":\"HASH\",\"data\":\"h\\u00e9\"}");
        assertThat(unicode.resultData().get("input_bytes").asInt()).isEqualTo(3);
        assertThatThrownBy(() -> run(new HashRunner(), "{\"task_type\":\"HASH\",\"data\":5}"))
                .isInstanceOfSatisfying(TaskRunException.class, e -> assertThat(e.code()).isEqualTo(TaskErrorCode.INVALID_PAYLOAD));
        assertThat(new HashRunner().accepts(json.readTree("{\"algorithm\":\"matrix_multiplication\"}"))).isFalse();
    }

    @Test
    void matrixProductWithChecksum() throws Exception {
        TaskOutcome o = run(new MatrixRunner(16), "{\"algorithm\":\"matrix_multiplication\","
                + "\"matrix_a\":[[1,2],[3,4]],\"matrix_b\":[[5,6],[7,8]]}");
        assertThat(o.resultData().get("result").toString()).isEqualTo("[[19,22],[43,50]]");
        assertThat(o.resultData().get("rows").asInt()).isEqualTo(2);
        assertThat(o.resultData().get("cols").asInt()).isEqualTo(2);
        // sha256 of the canonical text "[[19,22],[43,50]]"
        assertThat(o.resultData().get("checksum").asText())
                .isEqualTo("sha256:" + HashRunner.sha256Hex("[[19,22],[43,50]]".getBytes()));
        TaskOutcome rect = run(new MatrixRunner(16), "{\"algorithm\":\"matrix_multiplication\","
                + "\"matrix_a\":[[1.5,0,2]],\"matrix_b\":[[2],[1],[0.25]]}");
        assertThat(rect.resultData().get("result").toString()).isEqualTo("[[3.5]]");
    }

    @Test
    void matrixRejectsBadShapesSizesAndOverflow() {
        MatrixRunner r = new MatrixRunner(2);
        assertInvalid(r, "{\"algorithm\":\"matrix_multiplication\",\"matrix_a\":[[1,2,3]],\"matrix_b\":[[1]]}", "at most 2x2");
        assertInvalid(new MatrixRunner(8), "{\"algorithm\":\"matrix_multiplication\",\"matrix_a\":[[1,2],[3]],\"matrix_b\":[[1],[2]]}", "rectangular");
        assertInvalid(new MatrixRunner(8), "{\"algorithm\":\"matrix_multiplication\",\"matrix_a\":[[1,2]],\"matrix_b\":[[1,2]]}", "columns of matrix_a");
        assertInvalid(new MatrixRunner(8), "{\"algorithm\":\"matrix_multiplication\",\"matrix_a\":[[\"x\"]],\"matrix_b\":[[1]]}", "finite numbers");
        assertInvalid(new MatrixRunner(8), "{\"algorithm\":\"matrix_multiplication\",\"matrix_b\":[[1]]}", "matrix_a");
        assertInvalid(new MatrixRunner(8), "{\"algorithm\":\"matrix_multiplication\",\"matrix_a\":[[9223372036854775807]],"
                + "\"matrix_b\":[[2]]}", "overflows");
    }

    private void assertInvalid(MatrixRunner r, String payload, String message) {
        assertThatThrownBy(() -> run(r, payload)).isInstanceOfSatisfying(TaskRunException.class, e -> {
            assertThat(e.code()).isEqualTo(TaskErrorCode.INVALID_PAYLOAD);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void matrixHonoursInterruption() throws Exception {
        StringBuilder row = new StringBuilder("[");
        for (int i = 0; i < 64; i++) {
            row.append(i == 0 ? "" : ",").append(i);
        }
        row.append("]");
        StringBuilder m = new StringBuilder("[");
        for (int i = 0; i < 64; i++) {
            m.append(i == 0 ? "" : ",").append(row);
        }
        m.append("]");
        JsonNode p = json.readTree("{\"algorithm\":\"matrix_multiplication\",\"matrix_a\":" + m + ",\"matrix_b\":" + m + "}");
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> new MatrixRunner(64).run(new TaskContext("t", p, TaskRequirements.NONE, Duration.ofSeconds(1))))
                .isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isFalse();
    }
}

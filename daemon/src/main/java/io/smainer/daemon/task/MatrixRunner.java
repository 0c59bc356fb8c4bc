package io.smainer.daemon.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.json.CanonicalJson;
import io.smainer.protocol.wire.TaskErrorCode;
import java.nio.charset.StandardCharsets;

/**
 * MATRIX: {@code {"algorithm":"matrix_multiplication","matrix_a":[[...]],"matrix_b":[[...]]}} →
 * {@code {"algorithm", "rows", "cols", "result":[[...]], "checksum":"sha256:<hex of canonical_json(result)>"}}.
 * Integer matrices are multiplied exactly in {@code long} (overflow is {@code INVALID_PAYLOAD});
 * any fraction makes the product a matrix of doubles. Each dimension is at most {@code maxDimension}.
 */
public final class MatrixRunner implements TaskRunner {
    public static final String KIND = "MATRIX";
    static final String ALGORITHM = "matrix_multiplication";

    private final int maxDimension;

    public MatrixRunner(int maxDimension) {
        this.maxDimension = maxDimension;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean accepts(JsonNode payload) {
        return ALGORITHM.equals(payload.path("algorithm").asText(null)) || KIND.equals(payload.path("task_type").asText(null));
    }

    @Override
    public TaskOutcome run(TaskContext context) throws TaskRunException, InterruptedException {
        JsonNode a = context.payload().get("matrix_a");
        JsonNode b = context.payload().get("matrix_b");
        int[] da = shape("matrix_a", a);
        int[] db = shape("matrix_b", b);
        if (da[1] != db[0]) {
            throw invalid("matrix_a is " + da[0] + "x" + da[1] + " and matrix_b is " + db[0] + "x" + db[1]
                    + ": the columns of matrix_a must equal the rows of matrix_b");
        }
        boolean integral = allIntegral(a) && allIntegral(b);
        ArrayNode result = integral ? multiplyLong(a, b, da[0], da[1], db[1]) : multiplyDouble(a, b, da[0], da[1], db[1]);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("algorithm", ALGORITHM);
        out.put("rows", da[0]);
        out.put("cols", db[1]);
        out.set("result", result);
        out.put("checksum", "sha256:" + HashRunner.sha256Hex(
                CanonicalJson.canonicalJson(result).getBytes(StandardCharsets.US_ASCII)));
        return new TaskOutcome(out, null);
    }

    private int[] shape(String field, JsonNode m) throws TaskRunException {
        if (m == null || !m.isArray() || m.isEmpty()) {
            throw invalid(field + " must be a non-empty array of rows");
        }
        int rows = m.size();
        int cols = m.get(0).isArray() ? m.get(0).size() : -1;
        if (rows > maxDimension || cols > maxDimension) {
            throw invalid(field + " is " + rows + "x" + Math.max(cols, 0) + "; at most " + maxDimension + "x"
                    + maxDimension + " is accepted (matrix_max_dimension)");
        }
        for (JsonNode row : m) {
            if (!row.isArray() || row.size() != cols || cols == 0) {
                throw invalid(field + " must be rectangular: every row an array of " + Math.max(cols, 1) + "+ numbers");
            }
            for (JsonNode v : row) {
                if (!v.isNumber() || (v.isFloatingPointNumber() && !Double.isFinite(v.doubleValue()))) {
                    throw invalid(field + " must contain only finite numbers");
                }
            }
        }
        return new int[] {rows, cols};
    }

    private static boolean allIntegral(JsonNode m) {
        for (JsonNode row : m) {
            for (JsonNode v : row) {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static ArrayNode multiplyLong(JsonNode a, JsonNode b, int n, int k, int m)
            throws TaskRunException, InterruptedException {
        ArrayNode out = JsonNodeFactory.instance.arrayNode(n);
        for (int i = 0; i < n; i++) {
            checkInterrupted();
            ArrayNode row = out.addArray();
            for (int j = 0; j < m; j++) {
                long sum = 0;
                try {
                    for (int x = 0; x < k; x++) {
                        sum = Math.addExact(sum, Math.multiplyExact(a.get(i).get(x).longValue(), b.get(x).get(j).longValue()));
                    }
                } catch (ArithmeticException e) {
                    throw invalid("the integer product overflows 64 bits at row " + i + ", column " + j);
                }
                row.add(sum);
            }
        }
        return out;
    }

    private static ArrayNode multiplyDouble(JsonNode a, JsonNode b, int n, int k, int m)
            throws TaskRunException, InterruptedException {
        ArrayNode out = JsonNodeFactory.instance.arrayNode(n);
        for (int i = 0; i < n; i++) {
            checkInterrupted();
            ArrayNode row = out.addArray();
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int x = 0; x < k; x++) {
                    sum += a.get(i).get(x).doubleValue() * b.get(x).get(j).doubleValue();
                }
                if (!Double.isFinite(sum)) {
                    throw invalid("the product is not finite at row " + i + ", column " + j);
                }
                row.add(sum);
            }
        }
        return out;
    }

    private static void checkInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("matrix multiplication cancelled");
        }
    }

    private static TaskRunException invalid(String message) {
        return new TaskRunException(TaskErrorCode.INVALID_PAYLOAD, message);
    }
}

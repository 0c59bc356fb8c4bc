package io.smainer.cli.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.Vectors;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The callback verifiers printed in docs/integrator-guide.md (docs/examples/) accept every signed vector
 * and reject stale and tampered ones, so the documentation cannot rot. Needs python3, node, openssl
 * (CI installs them); a missing tool fails the test with what to install.
 */
class IntegratorExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @ParameterizedTest
    @ValueSource(strings = {"python3 verify_callback.py", "node verify-callback.mjs", "bash verify-callback.sh",
            "java VerifyCallback.java"})
    void exampleAgreesWithTheVectors(String command) throws Exception {
        for (JsonNode v : Vectors.get("callback_hmac_sha256")) {
            String now = v.has("receiver_clock") ? v.get("receiver_clock").asText() : v.get("timestamp").asText();
            boolean accept = !v.has("expect") || v.get("expect").asText().equals("accept");
            String body = v.get("body").asText();
            Result r = run(command, body, v.get("secret").asText(), v.get("timestamp").asText(), v.get("signature").asText(), now);
            assertThat(r.exit).as("%s on %s: %s", command, body, r.out).isEqualTo(accept ? 0 : 1);
            if (accept) {
                Result tampered = run(command, body + " ", v.get("secret").asText(), v.get("timestamp").asText(),
                        v.get("signature").asText(), now);
                assertThat(tampered.exit).as("%s accepted a tampered body", command).isEqualTo(1);
                assertThat(tampered.out).contains("invalid signature");
            }
        }
        assertThat(run(command, "{}", "", "1700000000", "00", "1700000000").out).contains("fail closed");
    }

    private record Result(int exit, String out) {}

    private static Result run(String command, String body, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(command.split(" ")));
        argv.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(argv).directory(EXAMPLES.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(argv.get(0) + " is required to test docs/examples (apt-get install python3 nodejs openssl)", e);
        }
        try (OutputStream in = p.getOutputStream()) {
            in.write(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // A verifier may decide before reading the body (no secret: fail closed; stale timestamp) and exit, so
            // the pipe breaks, possibly while it is still exiting. Its verdict (exit code and output) is asserted
            // by the caller either way, and a verifier that needed the body cannot print "ok" without it.
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(command + " finished").isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

}

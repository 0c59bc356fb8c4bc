package io.smainer.cli.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.cli.CliRun;
import io.smainer.cli.ExitCodes;
import io.smainer.protocol.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbackVerifyCommandTest {
    @TempDir
    Path home;

    @Test
    void vectorsAcceptAndReject() throws Exception {
        for (JsonNode v : Vectors.get("callback_hmac_sha256")) {
            if (!v.has("expect")) {
                continue;
            }
            CliRun cli = new CliRun(home);
            cli.clock = Clock.fixed(Instant.ofEpochSecond(v.get("receiver_clock").asLong()), ZoneOffset.UTC);
            Path secret = Files.writeString(home.resolve("secret"), v.get("secret").asText() + "\n");
            cli.stdin = v.get("body").asText();
            cli.run("callback", "verify", "--secret-file", secret.toString(), "--timestamp", v.get("timestamp").asText(),
                    "--signature", v.get("signature").asText());
            boolean accept = v.get("expect").asText().equals("accept");
            assertThat(cli.exitCode).as(cli.toString()).isEqualTo(accept ? ExitCodes.OK : ExitCodes.FAILED);
            assertThat(cli.out).startsWith(accept ? "valid" : "invalid");
        }
    }

    @Test
    void tamperedBodyIsInvalid() throws Exception {
        JsonNode v = Vectors.get("callback_hmac_sha256").get(3);
        CliRun cli = new CliRun(home);
        cli.clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        Path secret = Files.writeString(home.resolve("secret"), v.get("secret").asText());
        cli.stdin = v.get("body").asText().replace("ok", "OK");
        cli.run("--json", "callback", "verify", "--secret-file", secret.toString(), "--timestamp", "1700000000",
                "--signature", v.get("signature").asText());
        assertThat(cli.exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.out).contains("\"verdict\":\"bad_signature\"");
    }

    @Test
    void missingSecretFileIsAConfigError() {
        CliRun cli = new CliRun(home).run("callback", "verify", "--secret-file", home.resolve("none").toString(),
                "--timestamp", "1", "--signature", "00");
        assertThat(cli.exitCode).isEqualTo(ExitCodes.CONFIG);
    }
}

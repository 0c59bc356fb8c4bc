package io.smainer.cli.callback;

import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliException;
import io.smainer.cli.ExitCodes;
import io.smainer.cli.GlobalOptions;
import io.smainer.protocol.callback.CallbackSecret;
import io.smainer.protocol.callback.CallbackSignature;
import io.smainer.protocol.callback.CallbackVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smainer callback verify --secret-file F --timestamp T --signature S < body}: checks one
 * callback exactly as a receiver must (HMAC-SHA256, constant time, ±300 s). Exit 0 valid, 1 not.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a signed callback: the raw body on standard input, the two header values as options.",
            "Exit 0 when valid, 1 when not (the reason is printed)."})
public final class CallbackVerifyCommand implements Callable<Integer> {
    private final CliEnvironment env;

    private final GlobalOptions global;

    @Option(names = "--secret-file", required = true, paramLabel = "FILE", description = "File holding the callback secret.")
    Path secretFile;

    @Option(names = "--timestamp", required = true, paramLabel = "T", description = "The X-Smainer-Timestamp header (unix seconds).")
    String timestamp;

    @Option(names = "--signature", required = true, paramLabel = "HEX", description = "The X-Smainer-Signature header.")
    String signature;

    public CallbackVerifyCommand(CliEnvironment env, GlobalOptions global) {
        this.global = global;
        this.env = env;
    }

    @Override
    public Integer call() {
        CallbackSecret secret = CallbackSecret.of(readSecret());
        byte[] body = env.readStdinBytes();
        CallbackVerdict verdict = new CallbackSignature(secret, env.clock()).verify(timestamp, signature, body);
        if (global.json()) {
            env.out().println("{\"valid\":" + verdict.accepted() + ",\"verdict\":\"" + verdict.name().toLowerCase(java.util.Locale.ROOT) + "\"}");
        } else {
            env.out().println(switch (verdict) {
                case ACCEPTED -> "valid: signature matches and the timestamp is within ±300 s";
                case BAD_SIGNATURE -> "invalid: the signature does not match this body, timestamp and secret";
                case STALE_TIMESTAMP -> "invalid: the timestamp is more than 300 s from this machine's clock (check NTP)";
                case MALFORMED -> "invalid: the timestamp must be unix seconds and the signature 64 lowercase hex digits";
                case NO_SECRET -> "invalid: the secret file is empty; fail closed";
            });
        }
        return verdict.accepted() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private String readSecret() {
        try {
            return Files.readString(secretFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new CliException(ExitCodes.CONFIG, "cannot read --secret-file " + secretFile + ": " + e.getMessage());
        }
    }
}

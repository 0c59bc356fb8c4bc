package io.smainer.sandbox.custom;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.sandbox.SandboxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CUSTOM payload: {@code {"task_type":"CUSTOM","runtime":"python3","code":"...","args":["..."]}}.
 * Code is sensitive; {@link #toString()} prints sizes only.
 */
public record CustomTaskRequest(String runtime, String code, List<String> args) {
    public static final int MAX_CODE_BYTES = 1 << 20;
    public static final int MAX_ARGS = 64;
    public static final int MAX_ARG_CHARS = 4096;

    public static boolean isCustom(JsonNode payload) {
        return payload != null && "CUSTOM".equalsIgnoreCase(payload.path("task_type").asText(""));
    }

    public static CustomTaskRequest parse(JsonNode payload) throws SandboxException {
        JsonNode runtime = payload.path("runtime");
        JsonNode code = payload.path("code");
        if (!runtime.isTextual() || !code.isTextual()) {
            throw invalid("CUSTOM payload needs string fields 'runtime' and 'code'");
        }
        if (code.asText().getBytes(StandardCharsets.UTF_8).length > MAX_CODE_BYTES) {
            throw invalid("CUSTOM 'code' exceeds " + MAX_CODE_BYTES + " bytes");
        }
        List<String> args = new ArrayList<>();
        JsonNode a = payload.path("args");
        if (!a.isMissingNode() && !a.isNull()) {
            if (!a.isArray() || a.size() > MAX_ARGS) {
                throw invalid("CUSTOM 'args' must be an array of at most " + MAX_ARGS + " strings");
            }
            for (JsonNode arg : a) {
                if (!arg.isTextual() || arg.asText().length() > MAX_ARG_CHARS || arg.asText().indexOf('\0') >= 0) {
                    throw invalid("CUSTOM 'args' entries must be strings of at most " + MAX_ARG_CHARS + " chars, no NUL");
                }
                args.add(arg.asText());
            }
        }
        return new CustomTaskRequest(runtime.asText(), code.asText(), args);
    }

    private static SandboxException invalid(String message) {
        return new SandboxException(TaskErrorCode.INVALID_PAYLOAD, message, null);
    }

    @Override
    public String toString() {
        return "CustomTaskRequest[runtime=" + runtime + ", code=" + code.length() + " chars, args=" + args.size() + "]";
    }
}

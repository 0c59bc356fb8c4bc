package io.smainer.cli.doctor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One check's verdict: what was found ({@code message}, with the values involved), the exact command or
 * edit that fixes it ({@code fix}, null when nothing to do) and facts for {@code --json}. Never holds a
 * secret.
 */
public record CheckResult(String check, Verdict verdict, String message, String fix, Map<String, Object> details) {
    public CheckResult {
        // Not Map.copyOf: a fact may be null (the probe's launcher_problem when the launcher is fine).
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static CheckResult pass(String check, String message) {
        return new CheckResult(check, Verdict.PASS, message, null, null);
    }

    public static CheckResult warn(String check, String message, String fix) {
        return new CheckResult(check, Verdict.WARN, message, fix, null);
    }

    public static CheckResult fail(String check, String message, String fix) {
        return new CheckResult(check, Verdict.FAIL, message, fix, null);
    }

    public static CheckResult skip(String check, String message) {
        return new CheckResult(check, Verdict.SKIP, message, null, null);
    }

    public CheckResult with(Map<String, Object> facts) {
        return new CheckResult(check, verdict, message, fix, facts);
    }
}

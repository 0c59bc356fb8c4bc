package io.smainer.cli.doctor;

import io.smainer.sandbox.SandboxConfig;
import io.smainer.sandbox.UserNamespaceMode;
import io.smainer.sandbox.probe.IsolationReport;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sandbox's own isolation probe (cgroup version, controllers and delegation, namespaces, whether the host
 * lets unprivileged processes create user namespaces, whether tasks get one of their own, seccomp, tmpfs, the
 * launcher, allowed runtimes). Problems are a WARN: the daemon still serves built-in task kinds and refuses
 * sandboxed ones with the same reasons. A task user namespace that {@code sandbox_userns = "auto"} could not
 * turn on is a WARN too (the rest of the isolation applies); one turned off on purpose is not.
 */
public final class IsolationCheck implements DoctorCheck {
    /** Must match {@code ConfigKey.SANDBOX_USERNS} in daemon/src/main/java/io/smainer/daemon/config/ConfigKey.java. */
    static final String USERNS_KEY = "sandbox_userns";

    private final Function<UserNamespaceMode, IsolationReport> probe;

    /** @param probe runs the probe for the task user namespace mode the daemon would use */
    public IsolationCheck(Function<UserNamespaceMode, IsolationReport> probe) {
        this.probe = probe;
    }

    @Override
    public String name() {
        return "isolation";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        UserNamespaceMode mode;
        try {
            mode = usernsMode(ctx);
        } catch (IllegalArgumentException e) {
            return CheckResult.warn(name(), e.getMessage() + ": the daemon refuses to start with it (exit 78)",
                    "set " + USERNS_KEY + " = \"auto\" (or \"off\") in " + ctx.configPath() + " or "
                            + SandboxConfig.KEY_USERNS + "=auto|off");
        }
        IsolationReport r;
        try {
            r = probe.apply(mode);
        } catch (RuntimeException e) {
            return CheckResult.warn(name(), "the isolation probe failed: " + e.getMessage(), "run smainer doctor as root on the provider host");
        }
        ctx.isolation(r);
        String facts = facts(r);
        boolean usernsLost = mode == UserNamespaceMode.AUTO && !r.taskUserns();
        if (r.available() && !usernsLost) {
            return CheckResult.pass(name(), facts).with(r.toJsonMap());
        }
        StringBuilder message = new StringBuilder(facts);
        StringBuilder fix = new StringBuilder();
        if (!r.available()) {
            message.append("; sandboxed task kinds will be refused: ").append(String.join("; ", r.problems()));
            fix.append("fix each problem as it says (docs/security.md lists the host requirements)");
        }
        if (usernsLost) {
            message.append("; tasks run without a user namespace of their own (every other isolation layer still applies)");
            fix.append(fix.length() == 0 ? "" : "; ").append("give tasks a user namespace as the reason says, or set ")
                    .append(USERNS_KEY).append(" = \"off\" (").append(SandboxConfig.KEY_USERNS).append("=off) to accept this");
        }
        return CheckResult.warn(name(), message.toString(), fix.toString()).with(r.toJsonMap());
    }

    /**
     * Keeps two facts apart: whether this host lets unprivileged processes create user namespaces (what Debian's
     * and Ubuntu's sysctls restrict) and whether tasks get one (the launcher creates it as root, so the first
     * does not decide the second).
     */
    static String facts(IsolationReport r) {
        return "cgroup " + r.cgroupVersion() + " (controllers " + String.join(",", r.cgroupControllers())
                + (r.cgroupDelegated() ? ", delegated" : ", not delegated") + "), unprivileged user namespaces "
                + (r.unprivilegedUsernsAllowed() ? "allowed" : "restricted") + " on this host"
                + (r.usernsRestrictedByAppArmor() ? " (by AppArmor)" : "")
                + ", task user namespace: " + (r.taskUserns() ? "on" : "off") + " (" + r.taskUsernsReason() + ")"
                + ", seccomp " + (r.seccompAvailable() ? "yes" : "no") + ", launcher " + r.launcher()
                + ", runtimes " + (r.allowedRuntimes().isEmpty() ? "none" : String.join(",", r.allowedRuntimes().keySet()));
    }

    /**
     * {@code sandbox_userns} as the daemon resolves it: {@code SMAINER_SANDBOX_USERNS}, else provider.toml,
     * else auto.
     *
     * @throws IllegalArgumentException naming the key, the value and where it came from
     */
    static UserNamespaceMode usernsMode(DoctorContext ctx) {
        Optional<String> fromEnv = ctx.env().env(SandboxConfig.KEY_USERNS).filter(v -> !v.isBlank());
        String value = fromEnv.or(() -> ctx.setting(USERNS_KEY)).orElse("auto");
        try {
            return UserNamespaceMode.parse(value);
        } catch (IllegalArgumentException e) {
            String source = fromEnv.isPresent() ? "environment " + SandboxConfig.KEY_USERNS : ctx.configPath().toString();
            throw new IllegalArgumentException(USERNS_KEY + "='" + value + "' (from " + source + ") is not auto or off", e);
        }
    }
}

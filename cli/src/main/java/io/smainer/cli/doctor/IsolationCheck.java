package io.smainer.cli.doctor;

import io.smainer.sandbox.UserNamespaceMode;
import io.smainer.sandbox.probe.IsolationProbe;
import io.smainer.sandbox.probe.IsolationReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The sandbox's own isolation probe (cgroup version, controllers and delegation, namespaces, whether the host
 * lets unprivileged processes create user namespaces, whether tasks get one of their own, seccomp, tmpfs, the
 * launcher, allowed runtimes). Problems are a WARN: the daemon still serves built-in task kinds and refuses
 * sandboxed ones with the same reasons. A task user namespace that {@code sandbox_userns = "auto"} could not
 * turn on is a WARN too (the rest of the isolation applies); one turned off on purpose is not. The probe gets
 * the settings the daemon would use ({@link DaemonSandboxSettings}: task user, launcher, runtimes, user namespace
 * mode, cgroup parent from the environment, else provider.toml, else the defaults), so its facts match the
 * daemon's {@code /status}.
 */
public final class IsolationCheck implements DoctorCheck {
    /** Must match {@code ConfigKey.SANDBOX_USERNS} in daemon/src/main/java/io/smainer/daemon/config/ConfigKey.java. */
    static final String USERNS_KEY = "sandbox_userns";

    private final Function<DaemonSandboxSettings, IsolationReport> probe;
    private final Path smainerHome;
    private final Path passwd;

    /**
     * @param probe       runs the probe with the settings the daemon would use
     * @param smainerHome the installation ({@code -Dsmainer.home}), where the default launcher is looked up
     * @param passwd      normally {@code /etc/passwd}, where {@code sandbox_uid = "auto"} looks for smainer-task
     */
    public IsolationCheck(Function<DaemonSandboxSettings, IsolationReport> probe, Path smainerHome, Path passwd) {
        this.probe = probe;
        this.smainerHome = smainerHome;
        this.passwd = passwd;
    }

    /** The installation of {@code -Dsmainer.home} (else /opt/smainer) and /etc/passwd. */
    public IsolationCheck(Function<DaemonSandboxSettings, IsolationReport> probe) {
        this(probe, Path.of(System.getProperty("smainer.home", "/opt/smainer")), Path.of("/etc/passwd"));
    }

    /**
     * The real probe, as the daemon's {@code TaskIsolation.start} runs it.
     *
     * @param procRoot normally {@code /proc}
     * @param euid     the effective uid doctor runs as (-1 when unknown)
     */
    static IsolationCheck probing(Path procRoot, int euid, Path smainerHome, Path passwd) {
        return new IsolationCheck(s -> new IsolationProbe(s.sandboxConfig(), procRoot, euid).probe(s.runtimes()),
                smainerHome, passwd);
    }

    @Override
    public String name() {
        return "isolation";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        DaemonSandboxSettings settings;
        try {
            settings = DaemonSandboxSettings.resolve(ctx, smainerHome, passwd);
        } catch (DaemonSandboxSettings.InvalidSetting e) {
            return CheckResult.warn(name(), e.getMessage() + ": the daemon refuses to start with it (exit 78)",
                    e.fix() + " in " + ctx.configPath() + " or in " + String.join(" / ", e.value().setting().envNames()));
        }
        UserNamespaceMode mode = settings.userns();
        IsolationReport r;
        try {
            r = probe.apply(settings);
        } catch (RuntimeException e) {
            return CheckResult.warn(name(), "the isolation probe failed: " + e.getMessage(), "run smainer doctor as root on the provider host");
        }
        ctx.isolation(r);
        String facts = facts(r, settings);
        Map<String, Object> details = new LinkedHashMap<>(r.toJsonMap());
        details.put("task_uid", settings.taskUid());
        details.put("task_gid", settings.taskGid());
        boolean usernsLost = mode == UserNamespaceMode.AUTO && !r.taskUserns();
        if (r.available() && !usernsLost) {
            return CheckResult.pass(name(), facts).with(details);
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
                    .append(USERNS_KEY).append(" = \"off\" (").append(DaemonConfigKeys.SANDBOX_USERNS.envNames().get(0))
                    .append("=off) to accept this");
        }
        return CheckResult.warn(name(), message.toString(), fix.toString()).with(details);
    }

    /**
     * Keeps two facts apart: whether this host lets unprivileged processes create user namespaces (what Debian's
     * and Ubuntu's sysctls restrict) and whether tasks get one (the launcher creates it as root, so the first
     * does not decide the second).
     */
    static String facts(IsolationReport r, DaemonSandboxSettings s) {
        return "cgroup " + r.cgroupVersion() + " (controllers " + String.join(",", r.cgroupControllers())
                + (r.cgroupDelegated() ? ", delegated" : ", not delegated") + "), unprivileged user namespaces "
                + (r.unprivilegedUsernsAllowed() ? "allowed" : "restricted") + " on this host"
                + (r.usernsRestrictedByAppArmor() ? " (by AppArmor)" : "")
                + ", task user namespace: " + (r.taskUserns() ? "on" : "off") + " (" + r.taskUsernsReason() + ")"
                + ", task user " + s.taskUid() + ":" + s.taskGid()
                + ", seccomp " + (r.seccompAvailable() ? "yes" : "no") + ", launcher " + r.launcher()
                + ", runtimes " + (r.allowedRuntimes().isEmpty() ? "none" : String.join(",", r.allowedRuntimes().keySet()));
    }
}

package io.smainer.cli.doctor;

import io.smainer.sandbox.probe.IsolationReport;
import java.util.function.Supplier;

/**
 * The sandbox's own isolation probe (cgroup version, controllers and delegation, namespaces, Ubuntu's
 * AppArmor userns restriction, seccomp, tmpfs, the launcher, allowed runtimes). Problems are a WARN: the
 * daemon still serves built-in task kinds and refuses sandboxed ones with the same reasons.
 */
public final class IsolationCheck implements DoctorCheck {
    private final Supplier<IsolationReport> probe;

    public IsolationCheck(Supplier<IsolationReport> probe) {
        this.probe = probe;
    }

    @Override
    public String name() {
        return "isolation";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        IsolationReport r;
        try {
            r = probe.get();
        } catch (RuntimeException e) {
            return CheckResult.warn(name(), "the isolation probe failed: " + e.getMessage(), "run smainer doctor as root on the provider host");
        }
        ctx.isolation(r);
        String facts = "cgroup " + r.cgroupVersion() + " (controllers " + String.join(",", r.cgroupControllers())
                + (r.cgroupDelegated() ? ", delegated" : ", not delegated") + "), userns "
                + (r.unprivilegedUsernsAllowed() ? "allowed" : "restricted" + (r.usernsRestrictedByAppArmor() ? " by AppArmor" : ""))
                + ", seccomp " + (r.seccompAvailable() ? "yes" : "no") + ", launcher " + r.launcher()
                + ", runtimes " + (r.allowedRuntimes().isEmpty() ? "none" : String.join(",", r.allowedRuntimes().keySet()));
        if (r.available()) {
            return CheckResult.pass(name(), facts).with(r.toJsonMap());
        }
        return CheckResult.warn(name(), facts + "; sandboxed task kinds will be refused: " + String.join("; ", r.problems()),
                "fix each problem as it says (docs/security.md lists the host requirements)").with(r.toJsonMap());
    }
}

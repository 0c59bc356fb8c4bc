package io.smainer.cli.doctor;

import java.util.function.IntSupplier;

/** The JVM is Java 17 or newer (the launchers need it; the daemon is built for 17). */
public final class JavaVersionCheck implements DoctorCheck {
    static final int MINIMUM = 17;
    private final IntSupplier feature;
    private final String vendorVersion;

    public JavaVersionCheck(IntSupplier feature, String vendorVersion) {
        this.feature = feature;
        this.vendorVersion = vendorVersion;
    }

    public static JavaVersionCheck running() {
        return new JavaVersionCheck(() -> Runtime.version().feature(), Runtime.version() + " (" + System.getProperty("java.home") + ")");
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        int v = feature.getAsInt();
        if (v < MINIMUM) {
            return CheckResult.fail(name(), "Java " + vendorVersion + " is older than " + MINIMUM,
                    "install Java 17 or newer (sudo apt-get install openjdk-17-jre-headless) or set JAVA_HOME to one");
        }
        return CheckResult.pass(name(), "Java " + vendorVersion);
    }
}

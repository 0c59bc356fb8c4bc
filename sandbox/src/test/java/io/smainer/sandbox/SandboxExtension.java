package io.smainer.sandbox;

import java.io.IOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real {@link SandboxFixture} per test class: {@code @RegisterExtension static final SandboxExtension
 * SANDBOX = new SandboxExtension();} opens it before the class's own {@code @BeforeAll} methods and closes it
 * after the last test.
 */
public final class SandboxExtension implements BeforeAllCallback, AfterAllCallback {
    private SandboxFixture fixture;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        fixture = SandboxFixture.open();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (fixture != null) {
            fixture.close();
            fixture = null;
        }
    }

    public Sandbox sandbox() {
        return fixture().sandbox();
    }

    public SandboxResult run(String id, SandboxLimits limits, String... argv) throws Exception {
        return fixture().run(id, limits, argv);
    }

    public void assertNothingLeft() throws IOException {
        fixture().assertNothingLeft();
    }

    private SandboxFixture fixture() {
        if (fixture == null) {
            throw new IllegalStateException("SandboxExtension is used outside its test class's lifecycle:"
                    + " register it as a static @RegisterExtension field");
        }
        return fixture;
    }
}

package io.smainer.relayer.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class CallbackUrlPolicyTest {
    /** Fake DNS: bot.example is public, internal.example is private, loop.example is loopback. */
    static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "bot.example" -> new InetAddress[] {InetAddress.getByName("93.184.216.34")};
            case "internal.example" -> new InetAddress[] {InetAddress.getByName("10.1.2.3")};
            case "loop.example" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            default -> InetAddress.getAllByName(host);
        };
    }

    final CallbackUrlPolicy production = new CallbackUrlPolicy(false, CallbackUrlPolicyTest::resolve);
    final CallbackUrlPolicy devnet = new CallbackUrlPolicy(true, CallbackUrlPolicyTest::resolve);

    @Test
    void productionAcceptsOnlyHttpsToPublicAddresses() {
        assertThat(production.check("https://bot.example/api/callback/complete")).isEqualTo("https://bot.example/api/callback/complete");
        assertThatThrownBy(() -> production.check("http://bot.example/cb")).hasMessageContaining("https");
        assertThatThrownBy(() -> production.check("https://internal.example/cb")).hasMessageContaining("10.1.2.3");
        assertThatThrownBy(() -> production.check("https://loop.example/cb")).hasMessageContaining("--devnet");
        assertThatThrownBy(() -> production.check("https://[::1]/cb")).hasMessageContaining("non-public");
        assertThatThrownBy(() -> production.check("https://user:pw@bot.example/cb")).hasMessageContaining("credentials");
        assertThatThrownBy(() -> production.check("https://169.254.169.254/")).hasMessageContaining("non-public");
        assertThatThrownBy(() -> production.check("not a url")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void devnetAllowsHttpToLoopbackOnly() {
        assertThat(devnet.check("http://127.0.0.1:9000/cb")).isEqualTo("http://127.0.0.1:9000/cb");
        assertThat(devnet.check("http://loop.example/cb")).isEqualTo("http://loop.example/cb");
        assertThatThrownBy(() -> devnet.check("http://bot.example/cb")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> devnet.check("http://internal.example/cb")).hasMessageContaining("non-public");
    }
}

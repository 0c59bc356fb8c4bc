package io.smainer.relayer.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.relayer.api.HttpApiHandler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandlerNamesTest {
    @Test
    void initializerInstallsExactlyTheNamedHandlersInOrder() {
        EmbeddedChannel ch = new EmbeddedChannel(new RelayChannelInitializer(new ProtocolJson(), null,
                new HttpApiHandler(null, null), Duration.ofSeconds(30)));
        List<String> names = ch.pipeline().names().stream().filter(HandlerNames.ORDER::contains).toList();
        assertThat(names).containsExactlyElementsOf(HandlerNames.ORDER);
        ch.finishAndReleaseAll();
    }
}

package io.smainer.relayer.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.smainer.protocol.json.ProtocolJson;
import org.junit.jupiter.api.Test;

class WsPathHandlerTest {
    static FullHttpRequest get(String uri) {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
    }

    @Test
    void bothDocumentedPathsCarryTheNodeId() {
        for (String path : new String[] {"/ws/node-7", "/ws/node/node-7", "/ws/node-7?x=1"}) {
            EmbeddedChannel ch = new EmbeddedChannel(new WsPathHandler(new ProtocolJson()));
            ch.writeInbound(get(path));
            FullHttpRequest passed = ch.readInbound();
            assertThat(passed).as(path).isNotNull();
            passed.release();
            assertThat(ch.attr(NodeSessionHandler.NODE_ID).get()).isEqualTo("node-7");
        }
    }

    @Test
    void badNodeIdsAndShapesAreAnsweredWithoutAnUpgrade() {
        EmbeddedChannel ch = new EmbeddedChannel(new WsPathHandler(new ProtocolJson()));
        ch.writeInbound(get("/ws/bad.id"));
        FullHttpResponse r = ch.readOutbound();
        assertThat(r.status().code()).isEqualTo(400);
        r.release();
        EmbeddedChannel ch2 = new EmbeddedChannel(new WsPathHandler(new ProtocolJson()));
        ch2.writeInbound(get("/ws/a/b/c"));
        FullHttpResponse r2 = ch2.readOutbound();
        assertThat(r2.status().code()).isEqualTo(404);
        r2.release();
    }

    @Test
    void otherPathsPassThroughToTheApi() {
        EmbeddedChannel ch = new EmbeddedChannel(new WsPathHandler(new ProtocolJson()));
        ch.writeInbound(get("/api/v1/health"));
        FullHttpRequest passed = ch.readInbound();
        assertThat(passed.uri()).isEqualTo("/api/v1/health");
        passed.release();
        assertThat(ch.attr(NodeSessionHandler.NODE_ID).get()).isNull();
    }
}

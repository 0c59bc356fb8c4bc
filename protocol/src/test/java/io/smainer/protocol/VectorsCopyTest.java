package io.smainer.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The vectors under test are byte-identical to the shared spec when the spec is beside the checkout. */
class VectorsCopyTest {
    @Test
    void copyMatchesSharedSpec() throws IOException {
        Path shared = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "..")).resolve("../shared/spec/vectors.json");
        if (!Files.exists(shared)) {
            shared = Path.of("../../shared/spec/vectors.json");
        }
        byte[] copy;
        try (InputStream in = getClass().getResourceAsStream("/io/smainer/protocol/vectors.json")) {
            copy = in.readAllBytes();
        }
        if (Files.exists(shared)) {
            assertThat(copy).as("protocol/src/test/resources/io/smainer/protocol/vectors.json vs " + shared)
                    .isEqualTo(Files.readAllBytes(shared));
        } else {
            System.out.println("VectorsCopyTest: shared/spec/vectors.json not beside this checkout; using the committed copy");
        }
    }
}

package io.smainer.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads every file under a directory as bytes and names those that contain a marker. */
public final class StoreScan {
    private StoreScan() {}

    /** {@code "<file>: <marker>"} for every regular file under {@code dir} holding one of {@code markers} (UTF-8 bytes). */
    public static List<String> filesContaining(Path dir, String... markers) {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(f);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                for (String m : markers) {
                    if (text.contains(new String(m.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
                        hits.add(dir.relativize(f) + ": " + m);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }
}

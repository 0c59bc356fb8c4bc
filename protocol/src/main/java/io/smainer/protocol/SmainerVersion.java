package io.smainer.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The build's version, written into {@code version.properties} by Maven resource filtering. */
public final class SmainerVersion {
    private SmainerVersion() {}

    /** The version this jar was built as, for example {@code 0.1.0}. */
    public static String current() {
        try (InputStream in = SmainerVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the protocol jar: rebuild with mvn -B package");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            if (v.isEmpty() || v.startsWith("${")) {
                throw new IllegalStateException("version.properties was not filtered by the build: rebuild with mvn -B package");
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version.properties", e);
        }
    }
}

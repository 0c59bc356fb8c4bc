package io.smainer.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The doctor's copy of the daemon's config keys equals the daemon's {@code ConfigKey} (read from its
 * source, since the CLI must not depend on the daemon module), secret flags included.
 */
class DaemonConfigKeysContractTest {
    private static final Path SOURCE = Path.of("../daemon/src/main/java/io/smainer/daemon/config/ConfigKey.java");

    @Test
    void sameKeysAndSecretsAsTheDaemon() throws Exception {
        assertThat(SOURCE).as("daemon ConfigKey source (run from cli/)").exists();
        String text = Files.readString(SOURCE);
        Matcher m = Pattern.compile("^\\s+[A-Z_]+\\(\"([a-z_]+)\",.*?,\\s*(true|false)\\),?;?\\s*$", Pattern.MULTILINE).matcher(text);
        List<String> keys = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        while (m.find()) {
            keys.add(m.group(1));
            if (m.group(2).equals("true")) {
                secrets.add(m.group(1));
            }
        }
        assertThat(keys).as("parsed from " + SOURCE).hasSizeGreaterThan(10);
        assertThat(DaemonConfigKeys.KNOWN).containsExactlyElementsOf(keys);
        assertThat(DaemonConfigKeys.SECRET).containsExactlyInAnyOrderElementsOf(secrets);
    }

    @Test
    void settingsDoctorResolvesItselfHaveTheDaemonsEnvironmentNamesAndDefaults() throws Exception {
        String text = Files.readString(SOURCE);
        for (DaemonConfigKeys.Setting s : DaemonConfigKeys.RESOLVED) {
            String envNames = s.envNames().stream().map(n -> "\"" + n + "\"").reduce((a, b) -> a + ", " + b).orElseThrow();
            Pattern entry = Pattern.compile("\\(\"" + Pattern.quote(s.key()) + "\", List\\.of\\(" + Pattern.quote(envNames)
                    + "\\), \"[^\"]*\", \"" + Pattern.quote(s.defaultValue()) + "\", (true|false)\\)");
            assertThat(entry.matcher(text).find()).as(s + " in " + SOURCE).isTrue();
        }
    }
}

package io.smainer.cli.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliException;
import io.smainer.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * The daemon's provider.toml as the CLI reads and updates it. Keys are the daemon's (docs/daemon.md:
 * relayer_url, account_address, node_id, keystore, passphrase_file, status_port, …); keys the CLI does not
 * set are kept as they are. Written atomically, mode 0640 (it names files, never holds secrets).
 */
public final class ProviderConfigFile {
    private final Path file;

    public ProviderConfigFile(Path file) {
        this.file = file;
    }

    /** {@code --config}, else provider.toml in the smainer directory (/etc/smainer for root). */
    public static ProviderConfigFile resolve(CliEnvironment env, Path explicit) {
        return new ProviderConfigFile(explicit != null ? explicit : env.smainerDir().resolve("provider.toml"));
    }

    public Path path() {
        return file;
    }

    public ObjectNode read() {
        try {
            JsonNode tree = new TomlMapper().readTree(Files.readAllBytes(file));
            return tree instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        } catch (NoSuchFileException e) {
            return JsonNodeFactory.instance.objectNode();
        } catch (IOException e) {
            throw new CliException(ExitCodes.CONFIG, "config " + file + " is not valid TOML (" + firstLine(e.getMessage())
                    + "); fix it or move it away and run smainer register again");
        }
    }

    public Optional<String> get(String key) {
        JsonNode v = read().get(key);
        return v == null || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }

    /** Sets {@code values} (null values are left unchanged) and writes the file atomically. */
    public void update(Map<String, String> values) {
        ObjectNode tree = read();
        values.forEach((k, v) -> {
            if (v != null) {
                tree.put(k, v);
            }
        });
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
            Files.write(tmp, new TomlMapper().writeValueAsBytes(tree));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot write config " + file + ": " + e.getMessage());
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}

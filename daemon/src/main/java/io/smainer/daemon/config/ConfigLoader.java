package io.smainer.daemon.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Builds {@link DaemonConfig} in the order of STYLE.md §5: defaults → TOML file → environment →
 * flags. Everything it reads is passed in (file path, environment map, flags), so tests need no
 * real {@code /etc} and no real environment.
 */
public final class ConfigLoader {
    /** Read when no {@code --config} is given and the file exists. */
    public static final Path DEFAULT_FILE = Path.of("/etc/smainer/provider.toml");

    /** Where the default sandbox launcher is looked up when {@code -Dsmainer.home} is not set. */
    public static final Path DEFAULT_HOME = Path.of("/opt/smainer");

    private final Map<String, String> env;
    private final Path smainerHome;

    public ConfigLoader(Map<String, String> env) {
        this(env, DEFAULT_HOME);
    }

    /** @param smainerHome the installation or source checkout ({@code -Dsmainer.home}, set by the bin/ launchers) */
    public ConfigLoader(Map<String, String> env, Path smainerHome) {
        this.env = Map.copyOf(env);
        this.smainerHome = smainerHome;
    }

    /**
     * @param file  the {@code --config} file, or null for {@link #DEFAULT_FILE} when present
     * @param flags values given on the command line
     */
    public DaemonConfig load(Path file, Map<ConfigKey, String> flags) {
        return load(file, flags, true);
    }

    /** @param identityRequired false for {@code --selftest}: no account address needed */
    public DaemonConfig load(Path file, Map<ConfigKey, String> flags, boolean identityRequired) {
        Map<ConfigKey, ConfigValue> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey k : ConfigKey.values()) {
            values.put(k, new ConfigValue(k, k.defaultValue(), "default"));
        }
        readToml(file, values);
        for (ConfigKey k : ConfigKey.values()) {
            for (String name : k.envNames()) {
                String v = env.get(name);
                if (v != null && !v.isEmpty()) {
                    values.put(k, new ConfigValue(k, v.trim(), "environment " + name));
                    break;
                }
            }
        }
        flags.forEach((k, v) -> {
            if (v != null) {
                values.put(k, new ConfigValue(k, v.trim(), "flag " + k.flag()));
            }
        });
        return new ConfigValidator(values, smainerHome, identityRequired).validate();
    }

    private static void readToml(Path explicit, Map<ConfigKey, ConfigValue> values) {
        Path file = explicit != null ? explicit : DEFAULT_FILE;
        JsonNode tree;
        try {
            tree = new TomlMapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            if (explicit != null) {
                throw new ConfigException("config", "config file " + file + " (from --config) does not exist: "
                        + "create it or drop --config to use " + DEFAULT_FILE);
            }
            return;
        } catch (IOException e) {
            throw new ConfigException("config", "config file " + file + " cannot be read as TOML ("
                    + firstLine(e.getMessage()) + "): fix its syntax; keys are the snake_case names in docs/daemon.md");
        }
        if (tree == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ConfigKey key = ConfigKey.fromToml(e.getKey());
            if (key == null) {
                throw new ConfigException(e.getKey(), "unknown key '" + e.getKey() + "' in " + file
                        + ": remove it or use one of the keys listed in docs/daemon.md");
            }
            if (!e.getValue().isValueNode()) {
                throw new ConfigException(key.tomlKey(), "key '" + e.getKey() + "' in " + file
                        + " must be a string, number or boolean, not a table or array");
            }
            values.put(key, new ConfigValue(key, e.getValue().asText().trim(), "file " + file));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

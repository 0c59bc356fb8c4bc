package io.smainer.sandbox.custom;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's interpreters, from {@code SMAINER_CUSTOM_RUNTIMES}, e.g.
 * {@code python3=/usr/bin/python3,sh=/bin/sh,node=/usr/bin/node}. Nothing else can run.
 */
public final class RuntimeAllowList {
    public static final String CONFIG_KEY = "SMAINER_CUSTOM_RUNTIMES";

    private final Map<String, CustomRuntime> runtimes;

    public RuntimeAllowList(Map<String, CustomRuntime> runtimes) {
        this.runtimes = Collections.unmodifiableMap(new LinkedHashMap<>(runtimes));
    }

    public static RuntimeAllowList parse(String spec) {
        Map<String, CustomRuntime> out = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return new RuntimeAllowList(out);
        }
        for (String entry : spec.split(",")) {
            String[] kv = entry.trim().split("=", 2);
            if (kv.length != 2 || !kv[0].matches("[a-z][a-z0-9_.-]{0,31}") || !kv[1].startsWith("/")) {
                throw new IllegalArgumentException(CONFIG_KEY + " entry '" + entry.trim() + "' must be name=/absolute/path,"
                        + " e.g. python3=/usr/bin/python3");
            }
            out.put(kv[0], CustomRuntime.named(kv[0], Path.of(kv[1])));
        }
        return new RuntimeAllowList(out);
    }

    public Optional<CustomRuntime> find(String name) {
        return Optional.ofNullable(runtimes.get(name));
    }

    public Map<String, Path> interpreters() {
        Map<String, Path> m = new LinkedHashMap<>();
        runtimes.forEach((k, v) -> m.put(k, v.interpreter()));
        return m;
    }

    public boolean isEmpty() {
        return runtimes.isEmpty();
    }
}

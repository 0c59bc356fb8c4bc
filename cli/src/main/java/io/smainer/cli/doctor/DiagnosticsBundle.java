package io.smainer.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code doctor --bundle FILE}: a zip (mode 0600) to attach to a support request. It holds the doctor
 * results, the isolation probe report, the daemon config with secret values replaced, the daemon's
 * {@code /status} when it answered, and the last 200 journal lines of the unit when journalctl works.
 * Never keys, passphrases, API keys or payloads: secret config values are dropped by key
 * ({@link DaemonConfigKeys#SECRET}) and nothing else that holds one is read.
 */
public final class DiagnosticsBundle {
    static final int LOG_LINES = 200;
    static final String REDACTED = "<redacted>";

    private final HostCommands host;
    private final ObjectMapper json = new ObjectMapper();

    public DiagnosticsBundle(HostCommands host) {
        this.host = host;
    }

    /** Writes the archive and returns the names of its entries. */
    public List<String> write(Path file, JsonNode results, DoctorContext ctx) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("doctor.json", pretty(results));
        ctx.isolation().ifPresent(r -> entries.put("isolation-probe.json", pretty(json.valueToTree(r.toJsonMap()))));
        entries.put("provider-config.json", pretty(redactedConfig(ctx)));
        if (ctx.daemon().reachable()) {
            entries.put("daemon-status.json", pretty(ctx.daemon().status()));
        }
        journal().ifPresent(log -> entries.put("daemon.log", log.getBytes(StandardCharsets.UTF_8)));
        entries.put("README.txt", ("smainer doctor diagnostics. Secret config values (" + String.join(", ", DaemonConfigKeys.SECRET)
                + ") are replaced by " + REDACTED + "; no keystore, passphrase, API key or task payload is included.\n")
                .getBytes(StandardCharsets.UTF_8));
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return List.copyOf(entries.keySet());
    }

    private ObjectNode redactedConfig(DoctorContext ctx) {
        ObjectNode out = json.createObjectNode();
        out.put("file", ctx.configPath().toString());
        ObjectNode values = out.putObject("values");
        ctx.config().ifPresent(c -> c.fields().forEachRemaining(e -> {
            if (DaemonConfigKeys.SECRET.contains(e.getKey())) {
                values.put(e.getKey(), REDACTED);
            } else {
                values.set(e.getKey(), e.getValue());
            }
        }));
        return out;
    }

    private Optional<String> journal() {
        return host.run(List.of("journalctl", "-u", SystemdCheck.UNIT, "-n", Integer.toString(LOG_LINES), "--no-pager"),
                        Duration.ofSeconds(15))
                .filter(o -> o.exitCode() == 0 && !o.text().isBlank() && !o.text().contains("-- No entries --"))
                .map(HostCommands.Output::text);
    }

    private byte[] pretty(JsonNode n) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }
}

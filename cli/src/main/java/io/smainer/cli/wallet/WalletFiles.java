package io.smainer.cli.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliException;
import io.smainer.cli.ExitCodes;
import io.smainer.protocol.Require;
import io.smainer.protocol.stark.Felts;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The wallet's two files in the smainer directory: {@code keystore.json} (encrypted key, 0600) and
 * {@code account.json} (public facts: account address, public key, keystore path — nothing secret).
 */
public final class WalletFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Public facts about the wallet. {@code address} is null until an account is linked. */
    public record Account(String address, String publicKey, Path keystore) {}

    private final Path dir;

    public WalletFiles(CliEnvironment env) {
        this.dir = env.smainerDir();
    }

    public Path defaultKeystore() {
        return dir.resolve("keystore.json");
    }

    public Path accountFile() {
        return dir.resolve("account.json");
    }

    public void writeAccount(Account account) {
        ObjectNode n = JSON.createObjectNode();
        if (account.address() != null) {
            n.put("address", account.address());
        }
        n.put("public_key", account.publicKey());
        n.put("keystore", account.keystore().toAbsolutePath().toString());
        Path file = accountFile();
        Path tmp = file.resolveSibling(".account.json.tmp");
        try {
            Files.createDirectories(dir);
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public Account readAccount() {
        Path file = accountFile();
        try {
            JsonNode n = JSON.readTree(Files.readAllBytes(file));
            String address = n.hasNonNull("address") ? n.get("address").asText() : null;
            return new Account(address, n.path("public_key").asText(), Path.of(n.path("keystore").asText()));
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.CONFIG, "no wallet in " + dir + " (" + file + " is missing); create one with: smainer wallet create");
        } catch (IOException e) {
            throw new CliException(ExitCodes.CONFIG, file + " is not readable JSON (" + e.getMessage()
                    + "); recreate it with: smainer wallet import --from-keystore " + defaultKeystore());
        }
    }

    /** Validates an account address given on the command line. */
    public static String normaliseAddress(String address) {
        if (address == null) {
            return null;
        }
        if (!Require.HEX_FELT.matcher(address).matches()) {
            throw new CliException(ExitCodes.USAGE, "--address '" + address + "' is not a 0x-prefixed hex Starknet address");
        }
        BigInteger v = new BigInteger(address.substring(2), 16);
        if (!Felts.isFelt(v)) {
            throw new CliException(ExitCodes.USAGE, "--address " + address + " is not below the field prime");
        }
        return address.toLowerCase(java.util.Locale.ROOT);
    }
}

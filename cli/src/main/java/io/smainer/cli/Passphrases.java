package io.smainer.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where a keystore passphrase comes from, in order: {@code --passphrase-file}, the
 * {@code SMAINER_KEYSTORE_PASSWORD} environment variable, an interactive prompt. Never a flag value.
 */
public final class Passphrases {
    public static final String ENV = "SMAINER_KEYSTORE_PASSWORD";
    private static final int MIN_NEW_LENGTH = 8;

    private final CliEnvironment env;

    public Passphrases(CliEnvironment env) {
        this.env = env;
    }

    /** The passphrase of an existing keystore. */
    public char[] existing(Path passphraseFile, String prompt) {
        char[] p = fromFileOrEnv(passphraseFile);
        if (p != null) {
            return p;
        }
        Console console = requireConsole();
        char[] typed = console.readPassword("%s: ", prompt);
        if (typed == null) {
            throw new CliException(ExitCodes.USAGE, "no passphrase entered");
        }
        return typed;
    }

    /** A new passphrase: asked twice when interactive, at least 8 characters. */
    public char[] fresh(Path passphraseFile) {
        char[] p = fromFileOrEnv(passphraseFile);
        if (p == null) {
            Console console = requireConsole();
            p = console.readPassword("New keystore passphrase: ");
            char[] again = console.readPassword("Repeat passphrase: ");
            if (p == null || again == null || !Arrays.equals(p, again)) {
                throw new CliException(ExitCodes.USAGE, "the two passphrases differ; nothing was written");
            }
            Arrays.fill(again, '\0');
        }
        if (p.length < MIN_NEW_LENGTH) {
            throw new CliException(ExitCodes.USAGE, "the passphrase has " + p.length + " characters; use at least "
                    + MIN_NEW_LENGTH);
        }
        return p;
    }

    private char[] fromFileOrEnv(Path file) {
        if (file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int end = text.length();
                while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
                    end--;
                }
                if (end == 0) {
                    throw new CliException(ExitCodes.CONFIG, "passphrase file " + file + " is empty; write the passphrase into it");
                }
                return text.substring(0, end).toCharArray();
            } catch (NoSuchFileException e) {
                throw new CliException(ExitCodes.CONFIG, "passphrase file " + file + " does not exist; check --passphrase-file");
            } catch (IOException e) {
                throw new CliException(ExitCodes.IO, "cannot read passphrase file " + file + ": " + e.getMessage());
            }
        }
        return env.env(ENV).map(String::toCharArray).orElse(null);
    }

    private Console requireConsole() {
        Console console = env.console();
        if (console == null) {
            throw new CliException(ExitCodes.USAGE, "no terminal to ask for the passphrase: pass --passphrase-file FILE or set "
                    + ENV);
        }
        return console;
    }
}

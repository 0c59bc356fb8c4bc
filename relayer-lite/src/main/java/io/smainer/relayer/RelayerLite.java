package io.smainer.relayer;

import io.smainer.protocol.SmainerVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Composition root of smainer-relayer-lite. */
@Command(name = "smainer-relayer-lite", mixinStandardHelpOptions = true, versionProvider = RelayerLite.Version.class,
        description = "Local Smainer relayer with an embedded devnet.")
public final class RelayerLite implements Runnable {

    /** Version from the build (protocol jar's version.properties), never a literal. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"smainer-relayer-lite " + SmainerVersion.current()};
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "not implemented yet");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RelayerLite()).execute(args));
    }
}

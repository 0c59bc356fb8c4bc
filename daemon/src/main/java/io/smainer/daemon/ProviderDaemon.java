package io.smainer.daemon;

import io.smainer.protocol.SmainerVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Composition root of smainer-daemon. */
@Command(name = "smainer-daemon", mixinStandardHelpOptions = true, versionProvider = ProviderDaemon.Version.class,
        description = "Headless Smainer provider daemon.")
public final class ProviderDaemon implements Runnable {

    /** Version from the build (protocol jar's version.properties), never a literal. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"smainer-daemon " + SmainerVersion.current()};
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "not implemented yet");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ProviderDaemon()).execute(args));
    }
}

package io.smainer.cli;

import io.smainer.protocol.SmainerVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Composition root of smainer. */
@Command(name = "smainer", mixinStandardHelpOptions = true, versionProvider = SmainerCli.Version.class,
        description = "Smainer command line.")
public final class SmainerCli implements Runnable {

    /** Version from the build (protocol jar's version.properties), never a literal. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"smainer " + SmainerVersion.current()};
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "not implemented yet");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SmainerCli()).execute(args));
    }
}

package io.smainer.sandbox.custom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One allow-listed interpreter: the code goes to {@code /work/<fileName>} and runs as
 * {@code interpreter flags... /work/<fileName> args...}.
 */
public record CustomRuntime(String name, Path interpreter, List<String> flags, String fileName) {

    public CustomRuntime {
        if (!interpreter.isAbsolute()) {
            throw new IllegalArgumentException("runtime '" + name + "': interpreter " + interpreter
                    + " must be an absolute path (SMAINER_CUSTOM_RUNTIMES)");
        }
        flags = List.copyOf(flags);
    }

    /** Known defaults by name: python3 isolated mode (-I: no env, no user site), sh, node; others plain. */
    public static CustomRuntime named(String name, Path interpreter) {
        return switch (name) {
            case "python3", "python" -> new CustomRuntime(name, interpreter, List.of("-I"), "main.py");
            case "sh", "bash", "dash" -> new CustomRuntime(name, interpreter, List.of(), "main.sh");
            case "node", "nodejs" -> new CustomRuntime(name, interpreter, List.of(), "main.js");
            default -> new CustomRuntime(name, interpreter, List.of(), "main");
        };
    }

    public List<String> argv(List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(interpreter.toString());
        argv.addAll(flags);
        argv.add("/work/" + fileName);
        argv.addAll(args);
        return argv;
    }
}

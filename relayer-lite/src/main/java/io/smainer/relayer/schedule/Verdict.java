package io.smainer.relayer.schedule;

/** How the relayer answers a node's result frame: the {@code ack}'s {@code success} and {@code message}. */
public record Verdict(boolean success, String message) {
    public static Verdict accepted(String message) {
        return new Verdict(true, message);
    }

    public static Verdict rejected(String message) {
        return new Verdict(false, message);
    }
}

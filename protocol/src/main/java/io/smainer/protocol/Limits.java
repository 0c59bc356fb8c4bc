package io.smainer.protocol;

/**
 * Every size limit of the protocol, in one place. The mapping layer ({@code ProtocolJson}) enforces
 * them before a message is built; relayer and daemon read the same constants.
 */
public final class Limits {
    private Limits() {}

    /** Largest WebSocket text frame either side accepts (a result plus its envelope). */
    public static final int MAX_FRAME_BYTES = 8 * 1024 * 1024;
    /** Largest REST request body (a task submission). */
    public static final int MAX_REQUEST_BODY_BYTES = 2 * 1024 * 1024;
    /** Largest task payload, as canonical JSON. */
    public static final int MAX_PAYLOAD_BYTES = 1024 * 1024;
    /** Largest {@code result_data}, as canonical JSON. */
    public static final int MAX_RESULT_BYTES = 4 * 1024 * 1024;
    /** Largest stream chunk text. */
    public static final int MAX_STREAM_CHUNK_CHARS = 64 * 1024;
    /** Longest free-text field (description, error_message, ack message). */
    public static final int MAX_TEXT_CHARS = 4096;
    /** Longest identifier (task id, event id, error code, model id). */
    public static final int MAX_ID_CHARS = 128;
    /** Effort-metric bounds the relayer enforces (PROTOCOL.md §2). */
    public static final long MAX_TOKENS_INPUT = 128 * 1024;
    public static final long MAX_TOKENS_OUTPUT = 16 * 1024;
    public static final double MAX_GPU_TIME_SECONDS = 3600;
    /** Upper bound of a task's execution time the protocol accepts (one day). */
    public static final int MAX_EXECUTION_TIME_SECONDS = 86_400;
    /** Default task timeout when requirements say nothing (production: 300 s). */
    public static final int DEFAULT_EXECUTION_TIME_SECONDS = 300;
    /** Auth and callback timestamps are accepted within this many seconds of now. */
    public static final long CLOCK_WINDOW_SECONDS = 300;

    /** Shortens text for error messages (never used on payloads). */
    public static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}

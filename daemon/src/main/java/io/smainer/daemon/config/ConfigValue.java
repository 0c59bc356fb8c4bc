package io.smainer.daemon.config;

/** One raw setting and where it came from ({@code flag --relayer}, {@code environment NODE_ID}, …). */
record ConfigValue(ConfigKey key, String value, String source) {

    /** How an error message names this setting: {@code RELAYER_WS_URL='foo' (environment)}. */
    String describe() {
        String shown = key.secret() ? "<redacted>" : "'" + value + "'";
        return key.tomlKey() + "=" + shown + " (from " + source + ")";
    }
}

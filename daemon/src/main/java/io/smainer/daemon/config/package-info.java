/**
 * The daemon's one immutable configuration record, loaded defaults → TOML file → environment → flags
 * and validated once; errors name the key, the value, its source and the fix.
 */
package io.smainer.daemon.config;

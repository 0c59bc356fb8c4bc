/**
 * Encrypted key storage in the Ethereum/starkli keystore v3 format (scrypt or PBKDF2, AES-128-CTR,
 * Keccak-256 MAC), so keys move between smainer and starkli both ways. The CLI writes these files and
 * the daemon reads them; files are 0600 and a group- or world-readable file is refused.
 */
package io.smainer.protocol.keystore;

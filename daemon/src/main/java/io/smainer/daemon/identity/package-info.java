/** The node's identity: node id, account address and the Stark key loaded from the keystore or environment. */
package io.smainer.daemon.identity;

/**
 * The embedded Starknet devnet: composition root (Devnet), config, predeployed accounts and the transport-independent JSON-RPC handler (DevnetRpc) that relayer-lite mounts at /rpc.
 */
package io.smainer.devnet;

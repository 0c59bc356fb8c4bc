/**
 * Native contract execution: call dispatch by selector, execution context (caller, storage, events, nested calls), Cairo serde and reverts.
 */
package io.smainer.devnet.exec;

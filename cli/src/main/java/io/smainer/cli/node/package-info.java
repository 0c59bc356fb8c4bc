/** Operator commands about the provider node: register, status, doctor, earnings. */
package io.smainer.cli.node;

/** Documentation generated from the command model: shell completion and the man page. */
package io.smainer.cli.docs;

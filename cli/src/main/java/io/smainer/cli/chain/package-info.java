/** Options and helpers of the commands that talk to Starknet (register, earnings, tasks verify). */
package io.smainer.cli.chain;

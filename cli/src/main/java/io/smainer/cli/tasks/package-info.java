/**
 * The demander and integrator side of the CLI: {@code smainer tasks submit | get | watch | list | verify}
 * against a relayer's REST API, with escrow payment on Starknet ({@code --pay}) and the payment audit that
 * rebuilds a task's money trail from escrow events. Payloads and results are sensitive: results are
 * shown only on request, payloads never.
 */
package io.smainer.cli.tasks;

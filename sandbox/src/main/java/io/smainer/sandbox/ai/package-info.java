/**
 * The AI_INFERENCE kind: clients for a loopback Ollama ({@code /api/generate}, PROTOCOL.md §5, plain and
 * streaming NDJSON) or an OpenAI-compatible server ({@code /v1/chat/completions}, plain and SSE), model
 * listing intersected with the operator's allow-list, token counts and nvidia-smi samples turned into
 * {@code effort_metrics}. The prompt lives only in memory: nothing here writes to disk or logs it.
 */
package io.smainer.sandbox.ai;

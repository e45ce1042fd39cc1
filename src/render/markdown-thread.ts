/**
 * The worker side of {@link prerenderMarkdown} (markdown-to-html.ts): renders Markdown bodies to HTML in a thread
 * of its own with the same renderer as the build's (createMarkdownRenderer), so that a build that renders many
 * bodies has them rendered on the second core while it plans and renders the rest. Each message is a batch
 * `{ id, bodies }`; the answer is `{ id, html }` (the bodies' HTML in order) or `{ id, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { createMarkdownRenderer, type MarkdownBatch, type MarkdownBatchReply } from './markdown-to-html.js';

const renderer = createMarkdownRenderer();
parentPort?.on('message', (batch: MarkdownBatch) => {
  let reply: MarkdownBatchReply;
  try {
    reply = { id: batch.id, html: batch.bodies.map((body) => renderer.body(body)) };
  } catch (error) {
    reply = { id: batch.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});

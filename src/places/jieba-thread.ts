/**
 * The worker side of a {@link Jieba} whose dictionary lives in a thread of its own (jieba.ts `inWorker`): loads
 * the segmenter there (jieba-segmenter.ts), so that loading the dictionary (0.15–0.25 s) runs beside the build's
 * other work, and answers each request in order. A request `{ op, arg, reply }` is answered when `reply` is true:
 * the result (or the error's message) is posted on the port, then the shared flag is set and notified, which the
 * calling thread waits on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { loadSegmenter, type Segmenter } from './jieba-segmenter.js';

/** A request to the jieba thread. */
export interface JiebaRequest {
  readonly op: 'load' | 'cut' | 'cutForSearch' | 'tag';
  /** The user dictionary's path for `load` (absent: the default dictionary alone), the text for the others. */
  readonly arg?: string;
  /** Whether the caller waits for an answer. */
  readonly reply: boolean;
}

/** An answer of the jieba thread. */
export type JiebaReply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** Answers the requests that arrive on `port` with one segmenter (the one loaded last), in order. */
function serve(port: MessagePort, flag: Int32Array): void {
  let segmenter: Segmenter | null = null;
  const answer = (request: JiebaRequest): unknown => {
    if (request.op === 'load') return void (segmenter = loadSegmenter(request.arg));
    // A cut before any load: the default dictionary alone.
    segmenter ??= loadSegmenter();
    return segmenter[request.op](request.arg ?? '');
  };
  port.on('message', (request: JiebaRequest) => {
    let reply: JiebaReply;
    try {
      reply = { ok: true, value: answer(request) };
    } catch (error) {
      reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    if (!request.reply) return;
    port.postMessage(reply);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });
}

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };
serve(port, flag);
void parentPort;

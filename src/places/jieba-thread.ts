/**
 * The worker side of a {@link Jieba} whose dictionary lives in a thread of its own (jieba.ts `inWorker`): loads
 * nodejieba there, so that loading the dictionary (0.7–2 s) runs beside the build's other work, and answers each
 * request in order. A request `{ op, args, reply }` is answered when `reply` is true: the result (or the error's
 * message) is posted on the port, then the shared flag is set and notified, which the calling thread waits on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import nodejieba from 'nodejieba';
import { loadOptions } from './jieba-load-options.js';

/** A request to the jieba thread. */
export interface JiebaRequest {
  readonly op: 'load' | 'cut' | 'cutForSearch' | 'tag';
  /** The user dictionary's path for `load` (absent: the default dictionaries), the text for the others. */
  readonly arg?: string;
  /** For `load` with a user dictionary: the stand-in for the keyword tables (jieba.ts writeKeywordsStandIn). */
  readonly keywords?: string;
  /** Whether the caller waits for an answer. */
  readonly reply: boolean;
}

/** An answer of the jieba thread. */
export type JiebaReply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };

function answer(request: JiebaRequest): unknown {
  switch (request.op) {
    case 'load':
      return void (request.arg === undefined ? nodejieba.load() : nodejieba.load(loadOptions(request.arg, request.keywords)));
    case 'cut':
      return nodejieba.cut(request.arg ?? '', true);
    case 'cutForSearch':
      return nodejieba.cutForSearch(request.arg ?? '', true);
    case 'tag':
      return nodejieba.tag(request.arg ?? '').map(({ word, tag }) => ({ word, tag }));
  }
}

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
void parentPort;

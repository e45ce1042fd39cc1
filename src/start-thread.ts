/**
 * Worker threads of the build (jieba's dictionary, Markdown rendered ahead) start from a module beside the code
 * that starts them: the compiled `.js` file, or, run from source (the tests run through tsx), the `.ts` file,
 * which the thread then reads through tsx as well.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Start a worker thread running the module `name` (without extension) beside the module whose `import.meta.url`
 * is `from`.
 * @throws Error when the thread cannot be started
 */
export function startThread(from: string, name: string, options: WorkerOptions = {}): Worker {
  const fromSource = from.endsWith('.ts');
  const entry = new URL(`./${name}${fromSource ? '.ts' : '.js'}`, from);
  if (!fromSource) return new Worker(entry, options);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return new Worker(`import(${tsx}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`, { ...options, eval: true });
}

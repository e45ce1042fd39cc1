/**
 * Summarise a V8 `.cpuprofile` (from `node --cpu-prof`): self time summed by module (a package under
 * node_modules, a project file, or node: internals), by function, and inclusive time of selected
 * project functions, so one can see where a build spends its time.
 *
 * Usage: node --import tsx bench/summarize-profile.ts PROFILE.cpuprofile [--top 25] [--timeline BUCKET_MS]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Where a script URL belongs: `pkg:name`, `src:path` (project files), `node:…`, or `(native)`/`(gc)`… */
export function moduleOf(url: string, functionName: string): string {
  if (url === '') return `(${functionName.replace(/[()]/g, '') || 'native'})`;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return `pkg:${nm[1]}`;
  if (url.startsWith('node:')) return 'node:internal';
  const project = /\/(lib|src|bench|templates)\/(.*)$/.exec(url);
  if (project) return `${project[1]}/${project[2]}`;
  return url;
}

/** Self time in ms per node id (time deltas attributed to the sample's node). */
export function selfTimes(profile: Profile): Map<number, number> {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(id, (self.get(id) ?? 0) + delta);
  });
  return self;
}

/** True for a script of the project itself (lib/, src/ or bench/), not a dependency. */
function isProject(url: string): boolean {
  return !url.includes('/node_modules/') && /\/(lib|src|bench)\//.test(url);
}

/** Summary tables: by module, by function, and inclusive time of functions of the project's lib/. */
export function summarize(profile: Profile, top = 25): string {
  const self = selfTimes(profile);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    const mod = moduleOf(node.callFrame.url, node.callFrame.functionName);
    byModule.set(mod, (byModule.get(mod) ?? 0) + ms);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${mod}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  // Inclusive time of project functions: a node's subtree total, counted once per function even when it recurses.
  const inclusive = new Map<string, number>();
  const subtree = (id: number, onStack: Set<string>): number => {
    const node = byId.get(id)!;
    const key = isProject(node.callFrame.url)
      ? `${node.callFrame.functionName || '(anonymous)'} ${moduleOf(node.callFrame.url, '')}:${node.callFrame.lineNumber + 1}`
      : null;
    const fresh = key !== null && !onStack.has(key);
    if (fresh) onStack.add(key);
    let sum = self.get(id) ?? 0;
    for (const child of node.children ?? []) sum += subtree(child, onStack);
    if (fresh) {
      onStack.delete(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + sum);
    }
    return sum;
  };
  const root = profile.nodes[0];
  if (root) subtree(root.id, new Set());

  const table = (title: string, map: Map<string, number>, n: number): string => {
    const rows = [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
    return [
      `## ${title}`,
      '| ms | % | what |',
      '| ---: | ---: | --- |',
      ...rows.map(([name, ms]) => `| ${ms.toFixed(0)} | ${((100 * ms) / total).toFixed(1)} | ${name.replace(/\|/g, '\\|')} |`),
    ].join('\n');
  };
  return [
    `Profile: ${(total / 1000).toFixed(2)} s sampled`,
    table('Self time by module', byModule, top),
    table('Self time by function', byFunction, top),
    table('Inclusive time of project functions', inclusive, top),
  ].join('\n\n');
}

/**
 * Timeline: for each `bucketMs` slice of the run, the share of idle time (waiting for I/O) and the project
 * function (lib/ or src/, the innermost on the stack) most sampled in it, to see which stage the waits
 * belong to.
 */
export function timeline(profile: Profile, bucketMs = 250): string {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const projectFrame = (id: number): string | null => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (isProject(frame.url)) {
        return `${frame.functionName || '(anonymous)'} ${moduleOf(frame.url, '')}`;
      }
    }
    return null;
  };
  const buckets: { idle: number; busy: number; frames: Map<string, number> }[] = [];
  let t = 0;
  let lastProject = '(start)';
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const b = Math.floor(t / bucketMs);
    t += delta;
    buckets[b] ??= { idle: 0, busy: 0, frames: new Map() };
    const bucket = buckets[b]!;
    const name = byId.get(id)!.callFrame.functionName;
    if (name === '(idle)') {
      bucket.idle += delta;
      // Idle time is charged to the project function sampled last (the stage awaiting I/O).
      bucket.frames.set(`idle after ${lastProject}`, (bucket.frames.get(`idle after ${lastProject}`) ?? 0) + delta);
      return;
    }
    bucket.busy += delta;
    const frame = projectFrame(id);
    if (frame !== null) lastProject = frame;
    const key = frame ?? '(outside the project)';
    bucket.frames.set(key, (bucket.frames.get(key) ?? 0) + delta);
  });
  const lines = ['| from s | idle % | most sampled |', '| ---: | ---: | --- |'];
  buckets.forEach((bucket, i) => {
    if (!bucket) return;
    const topFrames = [...bucket.frames].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([k, v]) => `${k} (${v.toFixed(0)} ms)`);
    const total = bucket.idle + bucket.busy;
    lines.push(`| ${((i * bucketMs) / 1000).toFixed(2)} | ${total === 0 ? 0 : ((100 * bucket.idle) / total).toFixed(0)} | ${topFrames.join('; ')} |`);
  });
  return `## Timeline (${bucketMs} ms buckets)\n${lines.join('\n')}`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, timeline: { type: 'string' } } });
  const file = positionals[0];
  if (file === undefined) throw new TypeError('usage: node --import tsx bench/summarize-profile.ts PROFILE.cpuprofile [--top 25]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  process.stdout.write(`${summarize(profile, Number(values.top))}\n`);
  if (values.timeline !== undefined) process.stdout.write(`\n${timeline(profile, Number(values.timeline))}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

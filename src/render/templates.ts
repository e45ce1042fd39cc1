/**
 * Handlebars templates from `templates/`: one isolated Handlebars environment per build (no global
 * helpers or partials). The only module that imports handlebars.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type HandlebarsModule from 'handlebars';
import { hashParts } from '../hash-parts.js';

const require = createRequire(import.meta.url);

/**
 * The handlebars package, loaded on first use (synchronously, it is CommonJS): a build that renders no page, or
 * a command that stops before rendering, never loads it, and an incremental build loads it while jieba's
 * dictionary loads (build-incremental.ts).
 */
function handlebars(): typeof HandlebarsModule {
  return require('handlebars') as typeof HandlebarsModule;
}

/** The installed handlebars version (it keys the stored template specs: another version compiles them again). */
function handlebarsVersion(): string {
  return (require('handlebars/package.json') as { version: string }).version;
}

/** The project's own templates folder (`templates/` beside `src/` and `lib/`). */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Compiled templates by name (file name without `.hbs`); render one with a view object. */
export interface Templates {
  render(name: string, view: object): string;
  /** Names of the page templates found (partials excluded), sorted. */
  readonly names: readonly string[];
  /** Other files of the templates folder (e.g. `style.css`), by name, as text. */
  readonly assets: ReadonlyMap<string, string>;
}

/**
 * A template that cannot be used: a syntax error (with the file and line), or a render failure (a missing
 * partial). Not an input problem of a seed: the command reports it in one line and exits with code 2.
 */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

/** `file` as the editor typed it: relative to the working folder when inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * Parse a template's source, which Handlebars otherwise does on first render.
 * @throws TemplateError `templates/x.hbs:LINE: …` naming the line and what was expected
 */
function checkSyntax(env: typeof HandlebarsModule, file: string, source: string): void {
  try {
    env.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const line = /^Parse error on line (\d+):/.exec(message)?.[1] ?? String((error as { lineNumber?: number }).lineNumber ?? '');
    const got = /got '([^']+)'\s*$/.exec(message)?.[1];
    const detail = message.split('\n').slice(1, 3).join(' ').replace(/\s+/g, ' ').trim();
    const reason = message.startsWith('Parse error') ? `template syntax error near \`${detail.replace(/ -+\^$/, '')}\`${got ? ` (got ${got})` : ''}` : message;
    throw new TemplateError(`${shown(file)}${line ? `:${line}` : ''}: error: ${reason}`, { cause: error });
  }
}

/** The options every template and partial is compiled with. */
const COMPILE_OPTIONS = { strict: false, noEscape: false } as const;

/**
 * Handlebars' precompiled form of each template and partial (`Handlebars.precompile`: JavaScript source of the
 * template spec), by `template:{name}` and `partial:{name}`, kept by the build cache (cache/build-cache.ts) under
 * a key of the handlebars version and every template's name and source. Compiling the 17 templates is ~60–80 ms of
 * every build that renders a page, and loading Handlebars' compiler ~20–30 ms; made from their specs, ~3 ms.
 */
export interface TemplateSpecStore {
  /** The specs stored under `key`, or null (missing, damaged, another key). */
  get(key: string): Readonly<Record<string, string>> | null;
  /** Keep `specs` under `key`, replacing what was stored. @throws Error from the file system */
  put(key: string, specs: Readonly<Record<string, string>>): void;
}

/** The spec object Handlebars' `template` takes (its type declarations do not export the name). */
type TemplateSpecification = Parameters<typeof HandlebarsModule.template>[0];

/** A template spec's source made into the spec object Handlebars' `template` takes (what its own compile does). */
function specOf(source: string): TemplateSpecification {
  return new Function(`return ${source};`)() as TemplateSpecification;
}

/**
 * Load every `*.hbs` of `dir` as a template, every `partials/*.hbs` as a partial, and every other file of `dir`
 * as an asset. HTML escaping is on: `{{x}}` escapes, only `{{{html}}}` inserts markup (rendered Markdown).
 * @param store where the precompiled templates of the last build are (see {@link TemplateSpecStore}): with the
 *   same sources they are taken from it and Handlebars' compiler is not loaded; otherwise they are compiled and put
 * @throws TemplateError naming the template file and line when one has a syntax error; on render, naming the
 *   template when it is missing or fails (a missing partial)
 */
export function loadTemplates(dir: string = DEFAULT_TEMPLATES_DIR, store?: TemplateSpecStore): Templates {
  const sources: Array<{ readonly id: string; readonly file: string; readonly source: string }> = [];
  const assets = new Map<string, string>();
  const partialsDir = path.join(dir, 'partials');
  let partials: string[] = [];
  try {
    partials = readdirSync(partialsDir).filter((name) => name.endsWith('.hbs')).sort();
  } catch {
    partials = [];
  }
  for (const name of partials) {
    const file = path.join(partialsDir, name);
    sources.push({ id: `partial:${name.slice(0, -4)}`, file, source: readFileSync(file, 'utf8') });
  }
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isFile()) continue;
    const file = path.join(dir, entry.name);
    if (entry.name.endsWith('.hbs')) sources.push({ id: `template:${entry.name.slice(0, -4)}`, file, source: readFileSync(file, 'utf8') });
    else assets.set(entry.name, readFileSync(file, 'utf8'));
  }
  const key = store === undefined ? '' : hashParts([`handlebars ${handlebarsVersion()}`, ...sources.flatMap(({ id, source }) => [id, source])]);
  const stored = store?.get(key) ?? null;
  const complete = stored !== null && sources.every(({ id }) => typeof stored[id] === 'string');
  // From stored specs only Handlebars' runtime is needed; else the whole package, to check and compile the sources.
  const env = (complete ? (require('handlebars/runtime') as typeof HandlebarsModule) : handlebars()).create();
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const specs: Record<string, string> = {};
  for (const { id, file, source } of sources) {
    if (complete) specs[id] = stored[id] as string;
    else {
      checkSyntax(env, file, source);
      // Precompiled to source (typed as the spec object: Handlebars' declarations say so, its code returns a string).
      specs[id] = env.precompile(source, COMPILE_OPTIONS) as unknown as string;
    }
  }
  if (store !== undefined && !complete) store.put(key, specs);
  const compiled = new Map<string, HandlebarsModule.TemplateDelegate>();
  for (const { id } of sources) {
    const template = env.template(specOf(specs[id] as string));
    if (id.startsWith('partial:')) env.registerPartial(id.slice('partial:'.length), template);
    else compiled.set(id.slice('template:'.length), template);
  }
  return {
    names: [...compiled.keys()],
    assets,
    render(name, view) {
      const template = compiled.get(name);
      if (!template) throw new TemplateError(`${shown(path.join(dir, `${name}.hbs`))}: error: template not found`);
      try {
        return template(view);
      } catch (error) {
        throw new TemplateError(`${shown(path.join(dir, `${name}.hbs`))}: error: cannot render the template: ${(error as Error).message}`, { cause: error });
      }
    },
  };
}

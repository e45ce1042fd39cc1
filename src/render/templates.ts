/**
 * Handlebars templates from `templates/`: one isolated Handlebars environment per build (no global
 * helpers or partials). The only module that imports handlebars.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type HandlebarsModule from 'handlebars';

const require = createRequire(import.meta.url);

/**
 * The handlebars package, loaded on first use (synchronously, it is CommonJS): a build that renders no page, or
 * a command that stops before rendering, never loads it, and an incremental build loads it while jieba's
 * dictionary loads (build-incremental.ts).
 */
function handlebars(): typeof HandlebarsModule {
  return require('handlebars') as typeof HandlebarsModule;
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

/**
 * Load every `*.hbs` of `dir` as a template, every `partials/*.hbs` as a partial, and every other file of `dir`
 * as an asset. HTML escaping is on: `{{x}}` escapes, only `{{{html}}}` inserts markup (rendered Markdown).
 * @throws TemplateError naming the template file and line when one has a syntax error; on render, naming the
 *   template when it is missing or fails (a missing partial)
 */
export function loadTemplates(dir: string = DEFAULT_TEMPLATES_DIR): Templates {
  const env = handlebars().create();
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const compiled = new Map<string, HandlebarsModule.TemplateDelegate>();
  const assets = new Map<string, string>();
  const partialsDir = path.join(dir, 'partials');
  let partials: string[] = [];
  try {
    partials = readdirSync(partialsDir).filter((name) => name.endsWith('.hbs')).sort();
  } catch {
    partials = [];
  }
  for (const name of partials) {
    const source = readFileSync(path.join(partialsDir, name), 'utf8');
    checkSyntax(env, path.join(partialsDir, name), source);
    env.registerPartial(name.slice(0, -4), source);
  }
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isFile()) continue;
    const file = path.join(dir, entry.name);
    if (entry.name.endsWith('.hbs')) {
      const source = readFileSync(file, 'utf8');
      checkSyntax(env, file, source);
      compiled.set(entry.name.slice(0, -4), env.compile(source, { strict: false, noEscape: false }));
    } else {
      assets.set(entry.name, readFileSync(file, 'utf8'));
    }
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

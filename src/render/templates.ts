/**
 * Handlebars templates from `templates/`: one isolated Handlebars environment per build (no global
 * helpers or partials). The only module that imports handlebars.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

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
 * Load every `*.hbs` of `dir` as a template, every `partials/*.hbs` as a partial, and every other file of `dir`
 * as an asset. HTML escaping is on: `{{x}}` escapes, only `{{{html}}}` inserts markup (rendered Markdown).
 * @throws Error naming the template file when one fails to compile, or a missing template on render
 */
export function loadTemplates(dir: string = DEFAULT_TEMPLATES_DIR): Templates {
  const env = Handlebars.create();
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const assets = new Map<string, string>();
  const partialsDir = path.join(dir, 'partials');
  let partials: string[] = [];
  try {
    partials = readdirSync(partialsDir).filter((name) => name.endsWith('.hbs')).sort();
  } catch {
    partials = [];
  }
  for (const name of partials) {
    env.registerPartial(name.slice(0, -4), readFileSync(path.join(partialsDir, name), 'utf8'));
  }
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isFile()) continue;
    const file = path.join(dir, entry.name);
    if (entry.name.endsWith('.hbs')) {
      try {
        compiled.set(entry.name.slice(0, -4), env.compile(readFileSync(file, 'utf8'), { strict: false, noEscape: false }));
      } catch (error) {
        throw new Error(`${file}: cannot compile template: ${(error as Error).message}`, { cause: error });
      }
    } else {
      assets.set(entry.name, readFileSync(file, 'utf8'));
    }
  }
  return {
    names: [...compiled.keys()],
    assets,
    render(name, view) {
      const template = compiled.get(name);
      if (!template) throw new Error(`${path.join(dir, `${name}.hbs`)}: template not found`);
      return template(view);
    },
  };
}

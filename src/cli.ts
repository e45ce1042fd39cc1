#!/usr/bin/env node
/**
 * The `news-archive` command: argv → config → build → write → report. No logic of its own.
 * Exit codes: 0 built (warnings allowed), 1 errors in the input (pages refused; the rest still built),
 * 2 usage or configuration error.
 */
import { existsSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { build } from './build.js';
import { ConfigError, DEFAULT_CONFIG, loadConfig, validateConfig, type Config } from './config.js';
import { formatDiagnostic, hasErrors } from './diagnostics.js';
import { writeOutput } from './write.js';

/** Exit codes of the command. */
export const EXIT = { ok: 0, inputErrors: 1, usage: 2 } as const;

/** The config file read when `--config` is not given and it exists. */
export const DEFAULT_CONFIG_FILE = 'news-archive.config.json';

interface BuildFlags {
  seeds?: string;
  out?: string;
  config?: string;
  baseUrl?: string;
  clean?: boolean;
}

async function resolveConfig(flags: BuildFlags): Promise<Config> {
  const file = flags.config ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : null);
  const base = file === null ? DEFAULT_CONFIG : await loadConfig(file);
  const overrides: Record<string, unknown> = {};
  if (flags.seeds !== undefined) overrides.seedsDir = flags.seeds;
  if (flags.out !== undefined) overrides.outDir = flags.out;
  if (flags.baseUrl !== undefined) overrides.baseUrl = flags.baseUrl;
  return validateConfig({ ...base, ...overrides }, file ?? 'command line');
}

function parseUrl(value: string): string {
  try {
    new URL(value);
    return value;
  } catch {
    throw new InvalidArgumentError('expected an absolute URL such as https://example.org/archive/');
  }
}

async function runBuild(flags: BuildFlags): Promise<number> {
  const config = await resolveConfig(flags);
  const started = performance.now();
  const result = await build({ config });
  const report = await writeOutput(config.outDir, result.files, flags.clean === true);
  for (const diagnostic of result.diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  const errors = result.diagnostics.length - warnings;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Built ${config.outDir}/ from ${result.pages.length} seed page(s): ${result.articles.length} item(s), ` +
      `${errors} error(s), ${warnings} warning(s); ${report.written.length} file(s) written, ` +
      `${report.unchanged.length} unchanged, ${report.removed.length} removed in ${seconds} s\n`,
  );
  return hasErrors(result.diagnostics) ? EXIT.inputErrors : EXIT.ok;
}

/** Build the command-line program (exported for tests). */
export function createProgram(): Command {
  const program = new Command();
  program
    .name('news-archive')
    .description('Static site generator for Chinese local newspapers: seed pages in, a browsable archive out.')
    .showHelpAfterError()
    .addHelpText('after', '\nExit codes: 0 ok (warnings allowed), 1 errors in the input (the rest is still built), 2 usage or config error.');
  program
    .command('build')
    .description('Segment, tag and render every seed page into the output folder.')
    .option('--seeds <dir>', `folder of seed pages (default: ${DEFAULT_CONFIG.seedsDir})`)
    .option('--out <dir>', `output folder (default: ${DEFAULT_CONFIG.outDir})`)
    .option('--config <file>', `config file (default: ${DEFAULT_CONFIG_FILE} if present)`)
    .option('--base-url <url>', 'absolute URL the site is published under', parseUrl)
    .option('--clean', 'rewrite every output file, even unchanged ones')
    .action(async (flags: BuildFlags) => {
      process.exitCode = await runBuild(flags);
    });
  return program;
}

/** Run the program with `argv` (as process.argv); sets process.exitCode, never calls process.exit. */
export async function main(argv: readonly string[]): Promise<void> {
  const program = createProgram();
  program.exitOverride();
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = EXIT.usage;
    } else {
      throw error;
    }
  }
}

await main(process.argv);

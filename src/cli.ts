#!/usr/bin/env node
/**
 * The `news-archive` command: argv → config → build → write → report. No logic of its own.
 * Exit codes: 0 built (warnings allowed), 1 errors in the input (pages refused; the rest still built),
 * 2 usage or configuration error (also a template error, a foreign output folder, another build holding it),
 * 3 a file could not be read or written (disk full, read-only folder, permissions).
 */
import { growHeapForRerun, hasSemiSpaceFlag } from './gc-settings.js';
// The build (build.js) and `dev` (dev/run-dev.js) are imported by the command that runs them, not here: a build
// starts jieba's dictionary loading before the render side of the pipeline is loaded (see build-incremental.ts).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createBuildContext } from './build-context.js';
import { buildIncremental } from './build-incremental.js';
import { ConfigError, DEFAULT_CONFIG, loadConfig, validateConfig, type Config } from './config.js';
import { formatCheck } from './dev/format-check.js';
import { classifyInterrupts } from './dev/interrupts.js';
import { createProgressReporter } from './dev/progress.js';
import { formatDiagnostic, hasErrors } from './diagnostics.js';
import { COMMAND_PHASES } from './pipeline.js';
import { seedFileInputs } from './read-inputs.js';
import { listSeedFiles, seedPath, seedSourceOf, type SeedSource } from './seed/load-seeds.js';
import type { Diagnostic } from './types.js';
import { OutputLockedError, OutputRefusedError } from './write.js';
import { describeSystemError } from './failures.js';
import { TemplateError } from './render/templates.js';
import { UnknownHomeRegionError } from './places/index.js';

/** Exit codes of the command. */
export const EXIT = { ok: 0, inputErrors: 1, usage: 2, system: 3 } as const;

/** The config file read when `--config` is not given and it exists. */
export const DEFAULT_CONFIG_FILE = 'news-archive.config.json';

const EXIT_CODES_HELP = `
Exit codes:
  0  done (warnings allowed)
  1  errors in the input: some seed pages were refused (the rest is still built)
  2  usage or configuration error (an option, a config field, a template), an output folder holding files
     news-archive did not make, or another build is writing the output folder
  3  a file could not be read or written (disk full, read-only folder, permissions); the output folder is
     left as it was`;

/** A problem with how the command was run (missing folder, bad option): exit code 2. */
class UsageError extends Error {
  override readonly name = 'UsageError';
}

interface CommonFlags {
  seeds?: string;
  out?: string;
  config?: string;
  baseUrl?: string;
}

interface BuildFlags extends CommonFlags {
  clean?: boolean;
}

interface DevFlags extends CommonFlags {
  port: number;
}

async function resolveConfig(flags: CommonFlags, needSeeds = true): Promise<Config> {
  const file = flags.config ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : null);
  const base = file === null ? DEFAULT_CONFIG : await loadConfig(file);
  const overrides: Record<string, unknown> = {};
  if (flags.seeds !== undefined) overrides.seedsDir = flags.seeds;
  if (flags.out !== undefined) overrides.outDir = flags.out;
  if (flags.baseUrl !== undefined) overrides.baseUrl = flags.baseUrl;
  const config = validateConfig({ ...base, ...overrides }, file ?? 'command line');
  if (needSeeds && !existsSync(config.seedsDir)) throw new UsageError(`${config.seedsDir}: no such seeds folder (set it with --seeds or \`seedsDir\` in ${DEFAULT_CONFIG_FILE})`);
  return config;
}

function parseUrl(value: string): string {
  try {
    new URL(value);
    return value;
  } catch {
    throw new InvalidArgumentError('expected an absolute URL such as https://example.org/archive/');
  }
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return port;
}

function counts(diagnostics: readonly Diagnostic[]): string {
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return `${diagnostics.length - warnings} error(s), ${warnings} warning(s)`;
}

async function runBuild(flags: BuildFlags): Promise<number> {
  const config = await resolveConfig(flags);
  const started = performance.now();
  const progress = createProgressReporter(process.stderr);
  let result;
  try {
    result = await buildIncremental({ config, clean: flags.clean === true, onProgress: progress.onProgress, onFewSeeds: growHeapForRerun });
  } finally {
    progress.stop();
  }
  for (const diagnostic of result.diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { written, unchanged, removed } = result.report;
  const sources = `${result.pageCount} seed page(s): ${result.itemCount} item(s), ${counts(result.diagnostics)}`;
  process.stdout.write(
    result.upToDate
      ? `${config.outDir}/ is up to date with ${sources}; nothing written in ${seconds} s\n`
      : `Built ${config.outDir}/ from ${sources}; ${written.length} file(s) written, ${unchanged.length} unchanged, ` +
          `${removed.length} removed in ${seconds} s (${result.stats?.processed ?? 0} seed page(s) segmented, ` +
          `${result.stats?.cached ?? 0} from the cache)\n`,
  );
  return hasErrors(result.diagnostics) ? EXIT.inputErrors : EXIT.ok;
}

/**
 * `check`: the pipeline's phases read through tag (pipeline.ts COMMAND_PHASES.check) on each file named (or every
 * seed), then the table of each; writes nothing.
 */
async function runCheck(files: readonly string[], flags: CommonFlags): Promise<number> {
  const config = await resolveConfig(flags, files.length === 0);
  const targets = [...new Set(files.length > 0 ? files : (await listSeedFiles(config.seedsDir)).map((name) => path.join(config.seedsDir, name)))];
  const sources: SeedSource[] = [];
  for (const target of targets) {
    try {
      sources.push(seedSourceOf(target, await readFile(target)));
    } catch (error) {
      throw new UsageError(checkTargetProblem(target, error));
    }
  }
  const context = createBuildContext();
  const inputs = seedFileInputs(sources, { config, context });
  const { build } = await import('./build.js');
  let result;
  try {
    result = await build({ config, context, inputs, phases: COMMAND_PHASES.check });
  } finally {
    await context.close();
  }
  const tables = sources.map((source, i) => {
    const file = seedPath(source.label ?? '', source.fileName);
    const page = result.pages.find((p) => p.file === file);
    const articles = result.articles.filter((article) => article.seed === file);
    return formatCheck(page?.file ?? (targets[i] as string), articles, result.diagnostics.filter((d) => d.file === file));
  });
  process.stdout.write(tables.join('\n'));
  return hasErrors(result.diagnostics) ? EXIT.inputErrors : EXIT.ok;
}

/**
 * The message of a file named to `check` that cannot be read: `seeds/nope.txt: no such file; nothing checked`, a
 * folder, or the error's code (`EACCES`).
 */
function checkTargetProblem(target: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  if (code === 'ENOENT') return `${target}: no such file; nothing checked`;
  if (code === 'EISDIR') return `${target}: a folder, not a seed file; nothing checked (every seed of a folder: news-archive check --seeds ${target})`;
  return `${target}: cannot read the file (${code}); nothing checked`;
}

/**
 * `news-archive dev`: the session in a process with a larger young generation (dev/young-generation.ts): started
 * without one, the command runs itself again with it.
 * @param argv the command line as process.argv (node, script, args…)
 */
async function startDev(flags: DevFlags, argv: readonly string[]): Promise<void> {
  const { runAgainWithYoungGeneration, stopWhenParentEnds } = await import('./dev/young-generation.js');
  if (!hasSemiSpaceFlag()) {
    await runAgainWithYoungGeneration(argv);
    return;
  }
  // Handlers first, so a Ctrl-C during the first build stops the session once that build is done.
  const stopping = new AbortController();
  const stopped = new Promise<void>((resolve) => {
    stopWhenParentEnds(() => {
      stopping.abort();
      resolve();
    });
    const classify = classifyInterrupts();
    const onInterrupt = (): void => {
      const meaning = classify();
      if (meaning === 'stop') {
        process.stderr.write('Stopping (after the build under way, if any; Ctrl-C again to stop at once)\n');
        stopping.abort();
        resolve();
      } else if (meaning === 'again') {
        // Ctrl-C again: stop at once, as Node does on a SIGINT nobody listens to.
        process.off('SIGINT', onInterrupt);
        process.kill(process.pid, 'SIGINT');
      }
    };
    process.on('SIGINT', onInterrupt);
    process.once('SIGTERM', () => {
      stopping.abort();
      resolve();
    });
  });
  const { runDev } = await import('./dev/run-dev.js');
  const session = await runDev({
    loadConfig: () => resolveConfig(flags),
    configFile: flags.config ?? DEFAULT_CONFIG_FILE,
    port: flags.port,
    log: (line) => process.stderr.write(`${line}\n`),
    signal: stopping.signal,
  });
  await stopped;
  await session.close();
}

function commonOptions(command: Command): Command {
  return command
    .option('--seeds <dir>', `folder of seed pages (default: ${DEFAULT_CONFIG.seedsDir})`)
    .option('--config <file>', `config file (default: ${DEFAULT_CONFIG_FILE} if present)`);
}

/**
 * Build the command-line program (exported for tests).
 * @param argv the command line it will parse, as process.argv (`dev` runs itself again with it)
 */
export function createProgram(argv: readonly string[] = process.argv): Command {
  const program = new Command();
  program
    .name('news-archive')
    .description('Static site generator for Chinese local newspapers: seed pages in, a browsable archive out.')
    .showHelpAfterError()
    .addHelpText('after', EXIT_CODES_HELP);
  commonOptions(program.command('build'))
    .description('Segment, tag and render every seed page into the output folder; only what changed is redone.')
    .option('--out <dir>', `output folder (default: ${DEFAULT_CONFIG.outDir})`)
    .option('--base-url <url>', 'absolute URL the site is published under', parseUrl)
    .option('--clean', 'rebuild from the seeds without reading the cache, and rewrite every output file')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (flags: BuildFlags) => {
      process.exitCode = await runBuild(flags);
    });
  commonOptions(program.command('check'))
    .description('Show how seed pages are segmented (items, headlines, bylines, places, warnings); writes nothing.')
    .argument('[files...]', 'seed files to check (default: every seed of the seeds folder)')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (files: string[], flags: CommonFlags) => {
      process.exitCode = await runCheck(files, flags);
    });
  commonOptions(program.command('dev'))
    .description('Build, serve the output on 127.0.0.1, and rebuild and reload the page when seeds, templates or the config change.')
    .option('--out <dir>', `output folder (default: ${DEFAULT_CONFIG.outDir})`)
    .option('--base-url <url>', 'absolute URL the site is published under', parseUrl)
    .addOption(new Option('--port <number>', 'port to serve on (0: any free port)').default(8080).argParser(parsePort))
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (flags: DevFlags) => {
      await startDev(flags, argv);
    });
  return program;
}

/** Run the program with `argv` (as process.argv); sets process.exitCode, never calls process.exit. */
export async function main(argv: readonly string[]): Promise<void> {
  const program = createProgram(argv);
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else if (
      error instanceof ConfigError ||
      error instanceof UsageError ||
      error instanceof OutputLockedError ||
      error instanceof OutputRefusedError ||
      error instanceof TemplateError ||
      error instanceof UnknownHomeRegionError ||
      // The dev server's (dev/dev-server.ts PortInUseError), known by name: the server's module loads only with `dev`.
      (error instanceof Error && error.name === 'PortInUseError')
    ) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = EXIT.usage;
    } else if (describeSystemError(error) !== null) {
      process.stderr.write(`${describeSystemError(error)}\n`);
      process.exitCode = EXIT.system;
    } else {
      throw error;
    }
  }
}

await main(process.argv);

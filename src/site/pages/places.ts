/**
 * The place index (`places/index.html`: districts in code order with their towns) and the article list of every
 * tagged place (`places/{code}.html`, then `_2`, `_3`, …): a district's page 1 lists its towns with their counts,
 * a town's pages name its district.
 */
import { href, routes } from '../routes.js';
import type { SiteModel, SitePlace } from '../site-model.js';
import { listCrumbs, listPageData, listItem, listPager, listPageTitle, paginate, templated, type ListPageData, type PlanContext } from './shared.js';

/** A place with how many articles are tagged with it. */
export interface PlaceCount {
  readonly code: string;
  readonly name: string;
  readonly count: number;
}

/** The districts that have tagged articles or towns, in code order, each with its tagged towns. */
function districtsOf(model: SiteModel, context: Pick<PlanContext, 'placeIndex'>): Array<PlaceCount & { readonly towns: readonly PlaceCount[]; readonly entry: SitePlace | undefined }> {
  const byCode = new Map(model.places.map((entry) => [entry.place.code, entry]));
  const codes = [...new Set(model.places.map((entry) => entry.place.districtCode))].sort();
  return codes.map((code) => {
    const entry = byCode.get(code);
    const towns = model.places.filter((e) => e.place.level === 'town' && e.place.districtCode === code);
    return {
      code,
      name: entry?.place.name ?? context.placeIndex.get(code)?.name ?? code,
      count: entry?.items.length ?? 0,
      towns: towns.map((e) => ({ code: e.place.code, name: e.place.name, count: e.items.length })),
      entry,
    };
  });
}

/** What the place index shows. */
export interface PlacesData {
  readonly regionNote: string;
  readonly districts: ReadonlyArray<PlaceCount & { readonly towns: readonly PlaceCount[] }>;
}

export const placesKind = templated<PlacesData>(
  'places',
  function* plan(model, context) {
    const districts = districtsOf(model, context).map(({ code, name, count, towns }) => ({ code, name, count, towns }));
    yield { path: routes.places(), data: { regionNote: context.regionNote, districts } };
  },
  (data, path, { config }) => ({
    pageTitle: `按地区浏览 - ${config.title}`,
    breadcrumbs: [{ label: '首页', href: href(path, routes.home()) }, { label: '地区' }],
    regionNote: data.regionNote,
    districts: data.districts.map((district) => ({
      name: district.name,
      href: href(path, routes.place(district.code)),
      count: district.count,
      towns: district.towns.map((town) => ({ name: town.name, href: href(path, routes.place(town.code)), count: town.count })),
    })),
  }),
);

/** What one page of a place's list shows. */
export interface PlaceListData extends ListPageData {
  readonly code: string;
  readonly name: string;
  /** A town's district; null for a district (or a town whose district is unknown). */
  readonly parent: { readonly code: string; readonly name: string } | null;
  /** A district's towns with their counts, on its page 1; else empty. */
  readonly towns: readonly PlaceCount[];
}

export const placeListKind = templated<PlaceListData>(
  'place',
  function* plan(model, context) {
    const byCode = new Map(model.places.map((entry) => [entry.place.code, entry]));
    const lists: Array<Omit<PlaceListData, 'countLine' | 'page' | 'items' | 'towns'> & { readonly towns: readonly PlaceCount[]; readonly items: SitePlace['items'] }> = [];
    for (const district of districtsOf(model, context)) {
      lists.push({ code: district.code, name: district.name, parent: null, towns: district.towns, items: district.entry?.items ?? [] });
    }
    for (const entry of model.places.filter((e) => e.place.level === 'town')) {
      const district = context.placeIndex.get(entry.place.districtCode) ?? byCode.get(entry.place.districtCode)?.place;
      lists.push({ code: entry.place.code, name: entry.place.name, parent: district ? { code: district.code, name: district.name } : null, towns: [], items: entry.items });
    }
    const scope = context.scope?.places;
    for (const list of lists) {
      if (scope !== undefined && !scope.has(list.code)) continue;
      for (const page of paginate(list.items)) {
        yield {
          path: routes.placeListPage(list.code, page.slot),
          data: {
            code: list.code,
            name: list.name,
            parent: list.parent,
            towns: page.number === 1 ? list.towns : [],
            ...listPageData(list.items.length, page, context),
          },
        };
      }
    }
  },
  (data, path, { config, words }) => ({
    pageTitle: `${listPageTitle(data.name, data.page)} - ${config.title}`,
    heading: data.name,
    countLine: data.countLine,
    ...(data.parent === null ? {} : { parent: { name: data.parent.name, href: href(path, routes.place(data.parent.code)) } }),
    breadcrumbs: [
      { label: '首页', href: href(path, routes.home()) },
      { label: '地区', href: href(path, routes.places()) },
      ...(data.parent === null ? [] : [{ label: data.parent.name, href: href(path, routes.place(data.parent.code)) }]),
      ...listCrumbs(path, data.name, data.page, routes.place(data.code)),
    ],
    towns: data.towns.map((town) => ({ name: town.name, href: href(path, routes.place(town.code)), count: town.count })),
    items: data.items.map((item) => listItem(words, path, item.entry, item.source)),
    listPager: listPager(path, data.page, (k) => routes.placeListPage(data.code, k)),
  }),
  undefined,
  true,
);

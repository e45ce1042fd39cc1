/** The issue calendar (往期日历, `editions/index.html`): a month grid per month with editions, newest month first, and the undated pages. */
import { href, routes } from '../routes.js';
import { editionCalendar, formatDate, templated } from './shared.js';

/** What the issue calendar shows. */
export interface CalendarData {
  /** Dates of the editions, newest first. */
  readonly dates: readonly string[];
  readonly undated: ReadonlyArray<{ readonly path: string; readonly label: string; readonly count: number }>;
}

export const calendarKind = templated<CalendarData>(
  'editions',
  function* plan(model) {
    yield {
      path: routes.editions(),
      data: {
        dates: model.editions.flatMap((edition) => (edition.date === null ? [] : [edition.date])),
        undated: model.editions
          .filter((edition) => edition.date === null)
          .flatMap((edition) => edition.pages)
          .map((page) => ({ path: page.path, label: page.label, count: page.items.length })),
      },
    };
  },
  (data, path, { config }) => ({
    pageTitle: `往期日历 - ${config.title}`,
    breadcrumbs: [{ label: '首页', href: href(path, routes.home()) }, { label: '往期日历' }],
    months: editionCalendar(data.dates).map((month) => ({
      label: month.label,
      weeks: month.weeks.map((week) =>
        week.map((day) => (day === null ? null : { day: day.day, date: day.date, label: formatDate(day.date), href: day.hasEdition ? href(path, routes.edition(day.date)) : null })),
      ),
    })),
    undated: data.undated.map((page) => ({ label: page.label, href: href(path, page.path), count: page.count })),
  }),
);

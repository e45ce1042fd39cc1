/**
 * The Markdown export (`data/markdown/{page-slug}/{NN}.md`): each published item as a Markdown document with YAML
 * front matter (render/article-markdown.ts), for another generator (Hugo, Eleventy, …) to read. Its body is the
 * Markdown the item's page is rendered from.
 */
import { articleToMarkdown, type ArticleExportInfo } from '../../render/article-markdown.js';
import { routes } from '../routes.js';
import { itemMarkdownBody, type ArticleText, type PageKind } from './shared.js';

/** What an item's export holds. */
export interface MarkdownExportData {
  readonly text: ArticleText;
  readonly about: ArticleExportInfo;
}

export const markdownExportKind: PageKind<MarkdownExportData> = {
  name: 'markdown',
  *plan(model, context) {
    const scope = context.scope?.itemsOf;
    for (const page of model.pages) {
      if (scope !== undefined && !scope.has(page.seed)) continue;
      for (const item of page.items) {
        const { places } = item.article;
        yield {
          path: routes.markdown(item.id),
          data: {
            text: context.text(item),
            about: {
              title: item.title,
              date: page.meta.date,
              paper: page.meta.paper,
              page: page.label,
              url: `/${item.path}`,
              places: [...places.districts, ...places.towns].map((place) => place.name),
            },
          },
        };
      }
    }
  },
  render: (data, _path, context) => articleToMarkdown(data.text, data.text.id, data.about, itemMarkdownBody(context, data.text)),
  scoped: true,
};

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** A file the dashboard serves, read once. */
export interface StaticAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

const STATIC_DIR = fileURLToPath(new URL('../static/', import.meta.url));
const require = createRequire(import.meta.url);

/**
 * The page, its script and style, and uPlot from this package's own dependency (no CDN: the dashboard
 * works offline and serves exactly the pinned version), keyed by the path under `/static/`.
 */
export function loadStaticAssets(): ReadonlyMap<string, StaticAsset> {
  const own = (file: string, contentType: string): StaticAsset => ({ contentType, body: readFileSync(STATIC_DIR + file) });
  const dep = (path: string, contentType: string): StaticAsset => ({ contentType, body: readFileSync(require.resolve(path)) });
  return new Map([
    ['index.html', own('index.html', 'text/html; charset=utf-8')],
    ['dashboard.js', own('dashboard.js', 'text/javascript; charset=utf-8')],
    ['dashboard.css', own('dashboard.css', 'text/css; charset=utf-8')],
    ['uPlot.iife.min.js', dep('uplot/dist/uPlot.iife.min.js', 'text/javascript; charset=utf-8')],
    ['uPlot.min.css', dep('uplot/dist/uPlot.min.css', 'text/css; charset=utf-8')],
  ]);
}

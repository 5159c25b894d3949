import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import config from '../ui/codegen.js';
import { CONSOLE_DIST, isConsoleBuildCurrent } from '../scripts/ui-build.js';

/*
 * The console's build output, produced by the test global setup
 * (test/console-global-setup.ts) from the current sources.
 */

/**
 * First-load budget: everything the browser must fetch before the console
 * can render (index.html, the entry chunk with its static imports, their CSS),
 * gzipped as the gateway serves it. Chunks loaded on demand do not count.
 */
const FIRST_LOAD_BUDGET_BYTES = 100 * 1024;

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
}

async function firstLoadFiles(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(CONSOLE_DIST, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  expect(entries.map(([key]) => key)).toEqual(['index.html']);
  const files = new Set<string>(['index.html']);
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (chunk === undefined || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key] of entries) visit(key);
  return [...files];
}

describe('the console build (ui/dist)', () => {
  it('is current: built from the sources as they are now', () => {
    expect(isConsoleBuildCurrent()).toBe(true);
  });

  it(`keeps the first load under ${FIRST_LOAD_BUDGET_BYTES / 1024} KB gzipped`, async () => {
    const sizes = await Promise.all(
      (await firstLoadFiles()).map(async (file) => {
        const body = await readFile(join(CONSOLE_DIST, file));
        return { file, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
      }),
    );
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    console.info(
      `console first load: ${(total / 1024).toFixed(1)} KB gzipped (${sizes.map((s) => `${s.file} ${(s.raw / 1024).toFixed(1)} KB → ${(s.gzip / 1024).toFixed(1)} KB`).join(', ')})`,
    );
    expect(sizes.some((s) => s.file.endsWith('.js'))).toBe(true);
    expect(total).toBeLessThan(FIRST_LOAD_BUDGET_BYTES);
  });

  it('references no other origin: the only absolute URLs in the output are XML namespace names', async () => {
    const namespaces = new Set([
      'http://www.w3.org/2000/svg',
      'http://www.w3.org/1999/xhtml',
      'http://www.w3.org/1998/Math/MathML',
      'http://www.w3.org/1999/xlink',
    ]);
    for (const file of await firstLoadFiles()) {
      const text = await readFile(join(CONSOLE_DIST, file), 'utf8');
      const urls = [...text.matchAll(/(?:https?:|wss?:)?\/\/[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s"'`)]*/g)].map((m) => m[0]);
      expect(
        urls.filter((u) => !namespaces.has(u)),
        file,
      ).toEqual([]);
    }
  });
});

/*
 * The CommonJS build of the CLI, as `npm run ui:codegen` runs it: it resolves
 * the `client` preset from the project, whereas the ESM build would import
 * the older copy nested under @graphql-codegen/cli.
 */
const { generate } = createRequire(import.meta.url)('@graphql-codegen/cli') as typeof import('@graphql-codegen/cli');

describe('ui/src/__generated__', () => {
  it('matches what codegen generates from schema.graphql and the console documents (run npm run ui:codegen when this fails)', async () => {
    const root = new URL('../', import.meta.url);
    // ui/codegen.ts paths are relative to the repository root, where vitest runs.
    expect(new URL(`file://${process.cwd()}/`).href).toBe(root.href);
    const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
    expect(outputs.map((o) => o.filename).sort()).toEqual([
      'ui/src/__generated__/gql.ts',
      'ui/src/__generated__/graphql.ts',
      'ui/src/__generated__/index.ts',
    ]);
    for (const output of outputs) {
      expect(await readFile(new URL(output.filename, root), 'utf8'), output.filename).toBe(output.content);
    }
  });
});

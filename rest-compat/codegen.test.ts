import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';

/*
 * The CommonJS build of the CLI, as `npm run codegen` runs it: it resolves the
 * `client` preset from the project (client-preset 6.2), whereas the ESM build
 * would import the older copy nested under @graphql-codegen/cli.
 */
const { generate } = createRequire(import.meta.url)('@graphql-codegen/cli') as typeof import('@graphql-codegen/cli');

const root = new URL('../', import.meta.url);

describe('rest-compat/__generated__', () => {
  it('matches what codegen generates from schema.graphql and the route operations (run npm run codegen when this fails)', async () => {
    // codegen.ts paths are relative to the repository root, where vitest runs.
    expect(new URL(`file://${process.cwd()}/`).href).toBe(root.href);
    const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
    expect(outputs.map((o) => o.filename).sort()).toEqual(['rest-compat/__generated__/gql.ts', 'rest-compat/__generated__/graphql.ts']);
    for (const output of outputs) {
      expect(await readFile(new URL(output.filename, root), 'utf8'), output.filename).toBe(output.content);
    }
  });
});

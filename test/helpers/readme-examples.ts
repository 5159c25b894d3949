import { readFile } from 'node:fs/promises';

/** The first fenced code block in `language` after the line `heading`, as a reader copies it. */
export function codeBlock(markdown: string, heading: string, language: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start === -1) throw new Error(`no "${heading}" heading`);
  const section = lines.slice(start + 1).join('\n');
  const block = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'm').exec(section);
  if (block === null) throw new Error(`no \`\`\`${language} block after "${heading}"`);
  return block[1]!;
}

/** The quick example of a library's README. */
export function quickExample(readme: string, language: string): string {
  return codeBlock(readme, '## Quick example', language);
}

/** A library's example in the repository README's "Client libraries" section. */
export async function rootReadmeExample(language: string): Promise<string> {
  return codeBlock(await readFile(new URL('../../README.md', import.meta.url), 'utf8'), '### Client libraries', language);
}

/**
 * The quick example of a README: the first fenced code block in `language`
 * after the `## Quick example` heading, as a reader copies it.
 */
export function quickExample(readme: string, language: string): string {
  const section = readme.split(/^## Quick example$/m)[1];
  if (section === undefined) throw new Error('README has no "## Quick example" section');
  const block = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'm').exec(section);
  if (block === null) throw new Error(`README's quick example has no \`\`\`${language} block`);
  return block[1]!;
}

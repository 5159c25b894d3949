/**
 * The IP allow-list editor's text: one CIDR block per line (commas and spaces
 * separate too), blank lines ignored. The gateway validates each entry and
 * answers the first invalid one by name; nothing is judged here.
 */
export function cidrsOfText(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

export function textOfCidrs(cidrs: readonly string[]): string {
  return cidrs.join('\n');
}

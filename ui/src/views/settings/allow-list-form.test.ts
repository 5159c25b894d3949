import { describe, expect, it } from 'vitest';
import { cidrsOfText, textOfCidrs } from './allow-list-form';

describe('allow-list text', () => {
  it('takes one block per line, commas and spaces too, and no blanks', () => {
    expect(cidrsOfText('10.0.0.0/8\n\n  127.0.0.2/32 , 2001:db8::/32\r\n')).toEqual(['10.0.0.0/8', '127.0.0.2/32', '2001:db8::/32']);
    expect(cidrsOfText('  \n ')).toEqual([]);
  });

  it('writes a list back one block per line', () => {
    expect(cidrsOfText(textOfCidrs(['10.0.0.0/8', '::1/128']))).toEqual(['10.0.0.0/8', '::1/128']);
  });
});

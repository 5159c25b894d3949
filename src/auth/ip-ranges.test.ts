import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { formatCidr, IpRanges, MAX_RANGES, parseCidr } from './ip-ranges.js';

describe('parseCidr', () => {
  it('writes blocks canonically; a bare address is a host block', () => {
    expect(formatCidr(parseCidr(' 10.0.0.0/8 ', 'cidrs'))).toBe('10.0.0.0/8');
    expect(formatCidr(parseCidr('127.0.0.2', 'cidrs'))).toBe('127.0.0.2/32');
    expect(formatCidr(parseCidr('2001:DB8:0:0:0:0:0:0/32', 'cidrs'))).toBe('2001:db8::/32');
    expect(formatCidr(parseCidr('::1', 'cidrs'))).toBe('::1/128');
    expect(formatCidr(parseCidr('::/0', 'cidrs'))).toBe('::/0');
    expect(formatCidr(parseCidr('fe80:0:0:1:0:0:0:0/64', 'cidrs'))).toBe('fe80:0:0:1::/64');
    expect(formatCidr(parseCidr('::ffff:10.0.0.0/104', 'cidrs'))).toBe('::ffff:a00:0/104');
  });

  it('refuses what is not a block, naming the entry and the parameter', () => {
    for (const [entry, message] of [
      ['10.0.0/8', "'10.0.0/8' is not a CIDR block"],
      ['10.0.0.0/33', "'10.0.0.0/33' has an invalid prefix length: expected 0 to 32"],
      ['2001:db8::/129', 'expected 0 to 128'],
      ['10.0.0.0/-1', 'invalid prefix length'],
      ['10.0.0.0/', 'invalid prefix length'],
      ['10.1.0.0/8', "'10.1.0.0/8' has bits set past its /8 prefix: did you mean 10.0.0.0/8?"],
      ['2001:db8::1/32', 'did you mean 2001:db8::/32?'],
      ['', 'is not a CIDR block'],
    ] as const) {
      let caught: unknown;
      try {
        parseCidr(entry, 'cidrs');
      } catch (error) {
        caught = error;
      }
      expect(caught, entry).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).message).toContain(message);
      expect((caught as ValidationError).param).toBe('cidrs');
    }
  });
});

describe('IpRanges', () => {
  it('matches IPv4, IPv6 and IPv4-mapped addresses; an unknown address never matches', () => {
    const ranges = IpRanges.parse(['10.0.0.0/8', '127.0.0.2/32', '2001:db8::/32'], 'cidrs');
    expect(ranges.contains('10.255.1.2')).toBe(true);
    expect(ranges.contains('11.0.0.1')).toBe(false);
    expect(ranges.contains('127.0.0.2')).toBe(true);
    expect(ranges.contains('127.0.0.1')).toBe(false);
    expect(ranges.contains('::ffff:10.1.2.3')).toBe(true);
    expect(ranges.contains('2001:db8:ffff::1')).toBe(true);
    expect(ranges.contains('2001:db9::1')).toBe(false);
    expect(ranges.contains(null)).toBe(false);
    expect(ranges.contains('not-an-address')).toBe(false);
  });

  it('drops blanks and duplicates and bounds the list', () => {
    expect(IpRanges.parse(['', '10.0.0.0/8', ' 10.0.0.0/8'], 'cidrs').cidrs).toEqual(['10.0.0.0/8']);
    expect(IpRanges.parse([''], 'cidrs').empty).toBe(true);
    const many = Array.from({ length: MAX_RANGES + 1 }, (_, i) => `10.0.${i}.0/24`);
    expect(() => IpRanges.parse(many, 'cidrs')).toThrow(`At most ${MAX_RANGES} CIDR blocks`);
  });
});

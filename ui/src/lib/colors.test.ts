import { describe, expect, it } from 'vitest';
import { serviceColor, servicePalette } from './colors';

describe('service colours', () => {
  it('gives a service the same colour every time', () => {
    expect(serviceColor('payment-svc')).toBe(serviceColor('payment-svc'));
    expect(servicePalette(['payment-svc'])('payment-svc')).toBe(serviceColor('payment-svc'));
  });

  it('gives services shown together distinct colours, whatever order they come in', () => {
    const names = Array.from({ length: 20 }, (_, i) => `svc-${i}`);
    const colour = servicePalette(names);
    expect(new Set(names.map(colour)).size).toBe(20);
    const reversed = servicePalette([...names].reverse());
    expect(names.map(reversed)).toEqual(names.map(colour));
  });
});

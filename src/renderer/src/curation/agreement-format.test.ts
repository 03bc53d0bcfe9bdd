import { describe, expect, it } from 'vitest';
import { formatKappa, formatShare, kappaBand } from './agreement-format';

describe('agreement formatting', () => {
  it('prints kappa with two decimals and its Landis–Koch band', () => {
    expect(formatKappa(0.6154)).toBe('0.62');
    expect(formatKappa(null)).toBe('—');
    expect([-0.1, 0, 0.2, 0.21, 0.4, 0.55, 0.61, 0.8, 0.81, 1].map(kappaBand)).toEqual([
      'poor',
      'slight',
      'slight',
      'fair',
      'fair',
      'moderate',
      'substantial',
      'substantial',
      'almost perfect',
      'almost perfect',
    ]);
    expect(kappaBand(null)).toBe('n/a');
  });

  it('prints observed agreement as a percentage', () => {
    expect(formatShare(0.875)).toBe('88%');
    expect(formatShare(null)).toBe('—');
  });
});

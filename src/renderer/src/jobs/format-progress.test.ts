import { describe, expect, it } from 'vitest';
import { formatBytes, formatEta, formatRate, progressFraction } from './format-progress';

const progress = (bytesDone: number, bytesTotal: number) => ({
  phase: 'x',
  bytesDone,
  bytesTotal,
  rows: 0,
  badRows: 0,
  rowsPerSecond: 0,
  etaSeconds: null,
});

describe('job progress formatting', () => {
  it('computes a clamped fraction, or null when the total is unknown', () => {
    expect(progressFraction(progress(50, 200))).toBe(0.25);
    expect(progressFraction(progress(300, 200))).toBe(1);
    expect(progressFraction(progress(5, 0))).toBeNull();
    expect(progressFraction(null)).toBeNull();
  });

  it('formats ETA in seconds, minutes and hours', () => {
    expect(formatEta(null)).toBe('–');
    expect(formatEta(0.2)).toBe('<1 s');
    expect(formatEta(42)).toBe('42 s');
    expect(formatEta(125)).toBe('2 min 5 s');
    expect(formatEta(3 * 3600 + 7 * 60)).toBe('3 h 7 min');
  });

  it('formats rates and sizes', () => {
    expect(formatRate(0)).toBe('–');
    expect(formatRate(12345.6)).toBe('12,346 rows/s');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
  });
});

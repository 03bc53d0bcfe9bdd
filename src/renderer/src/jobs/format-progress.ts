// Human-readable job progress: fraction done, rate and time left.
import type { JobProgress } from '../../../shared/domain';

export function progressFraction(progress: JobProgress | null | undefined): number | null {
  if (!progress || !(progress.bytesTotal > 0)) return null;
  return Math.min(1, Math.max(0, progress.bytesDone / progress.bytesTotal));
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatRate(rowsPerSecond: number): string {
  if (!(rowsPerSecond > 0)) return '–';
  return `${formatCount(rowsPerSecond)} rows/s`;
}

export function formatEta(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 1) return '<1 s';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  if (minutes < 60) return `${minutes} min ${rest} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

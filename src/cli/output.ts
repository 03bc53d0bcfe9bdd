// Terminal output: errors in a stable `error CODE: message` form, and a progress bar on stderr.
import type { JobProgress, RecordIssue } from '../shared/domain';
import type { RpcError } from '../shared/errors';

export function printError(error: RpcError): void {
  process.stderr.write(`error ${error.code}: ${error.message}\n`);
}

export function formatIssue(issue: RecordIssue): string {
  const where = [
    issue.file,
    issue.line !== null ? `line ${issue.line}` : null,
    issue.field ? `field "${issue.field}"` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${issue.message}`;
}

function humanBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

/** Renders progress on one stderr line when it is a terminal; silent otherwise (scripts read stdout). */
export function createProgressPrinter(stream: NodeJS.WriteStream = process.stderr): {
  update(p: JobProgress): void;
  done(): void;
} {
  let last = 0;
  let drawn = false;
  return {
    update(p) {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const fraction = p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : 0;
      const width = 28;
      const filled = Math.round(fraction * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const eta = p.etaSeconds !== null ? `, ETA ${Math.ceil(p.etaSeconds)}s` : '';
      const percent = `${(fraction * 100).toFixed(0)}%`;
      const rows = `${p.rows.toLocaleString('en')} rows (${Math.round(p.rowsPerSecond).toLocaleString('en')}/s)`;
      const bad = p.badRows ? `, ${p.badRows} bad` : '';
      const line = `${p.phase} ${bar} ${percent}  ${rows}, ${humanBytes(p.bytesDone)}${bad}${eta}`;
      stream.write(`\r${line.slice(0, (stream.columns ?? 120) - 1)}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}

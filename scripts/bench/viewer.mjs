// `npm run bench -- viewer`: the trace viewer in Chromium (Playwright) against `rl-curator serve`, on
// generated native rollouts of 16,000 and 32,000 tokens with three logged signals. Prints: opening a
// rollout until its heatmap is painted, switching to the rendered KaTeX + heat view until painted, frame
// times while scrolling the whole trace, and the longest main-thread task while opening 32,000 tokens.
/* global window, document, requestAnimationFrame -- used inside page.evaluate callbacks, which run in Chromium */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureViewerRollouts } from './viewer-data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = 5;

const fmt = (n, digits = 0) =>
  Number(n).toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok) => (ok ? 'meets goal' : 'MISSES goal');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows) console.log(`  ${r.map((c, i) => String(c).padEnd(widths[i])).join('  ')}`);
}

function startServer(db) {
  const child = spawn(process.execPath, [path.join(root, 'bin/rl-curator.cjs'), 'serve', '--db', db, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /RL Curator is serving .+ at (http:\/\/\S+)/.exec(out);
      if (m)
        resolve({ url: m[1], stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))) });
    });
  });
}

async function call(page, method, input) {
  const reply = await page.evaluate(
    async ([m, i]) =>
      (
        await fetch('/api/call', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ method: m, input: i }),
        })
      ).json(),
    [method, input],
  );
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
  return reply.value;
}

async function importRollouts(page, file) {
  const { jobId } = await call(page, 'import.rollouts', { path: file });
  for (;;) {
    const job = await call(page, 'jobs.get', { id: jobId });
    if (job.status === 'done') return;
    if (job.status !== 'running' && job.status !== 'queued')
      throw new Error(`import ${job.status}: ${JSON.stringify(job.error ?? job)}`);
    await page.waitForTimeout(200);
  }
}

/** Opens the group page fresh (no cached rollout, no warm worker), then a rollout by clicking its row. */
async function openRollout(page, origin, groupHash, rolloutId) {
  await page.goto(`${origin}/${groupHash}`);
  await page.waitForSelector('[data-testid=prompt-page][data-state=ready]');
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) =>
      window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration }))),
    ).observe({ type: 'longtask' });
  });
  await page.click(`[data-testid=rollout-row][data-rollout-id="${rolloutId}"] [data-testid=open-rollout]`);
  await page.waitForSelector('[data-testid=heatmap][data-painted=true]', { timeout: 60_000 });
  return page.evaluate(() => {
    const open = performance.getEntriesByName('trace-open').at(-1).startTime;
    const painted = performance.getEntriesByName('trace-heatmap-painted').at(-1).startTime;
    const tasks = window.__longTasks.filter((t) => t.start + t.duration >= open && t.start <= painted);
    const at = (name) => (performance.getEntriesByName(name).at(-1)?.startTime ?? Number.NaN) - open;
    const stages = { detail: at('trace-detail-loaded'), layout: at('trace-layout-ready') };
    return {
      ms: painted - open,
      stages,
      longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
      tokens: Number(document.querySelector('[data-testid=heatmap]').dataset.tokenCount),
    };
  });
}

async function switchToRendered(page) {
  await page.evaluate(() => performance.mark('trace-view-switch'));
  await page.click('[data-testid=view-rendered]');
  await page.waitForSelector('[data-testid=rendered][data-painted=true] .katex', { timeout: 60_000 });
  return page.evaluate(() => {
    const start = performance.getEntriesByName('trace-view-switch').at(-1).startTime;
    const painted = performance.getEntriesByName('trace-rendered-painted').at(-1).startTime;
    return { ms: painted - start, katex: document.querySelectorAll('[data-testid=rendered] .katex').length };
  });
}

/** Scrolls the heatmap from top to bottom, one step per frame, and returns every frame's duration. */
async function scrollFrames(page) {
  return page.evaluate(async () => {
    const el = document.querySelector('[data-testid=heatmap]');
    el.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const frames = [];
    const step = Math.max(80, el.clientHeight / 3);
    let last = performance.now();
    while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
      el.scrollTop += step;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    return { frames, height: el.scrollHeight, maxRendered: Number(el.dataset.renderedTokens) };
  });
}

async function main() {
  console.log(
    '\n== Trace viewer (issue 4): Chromium against rl-curator serve, native rollouts with 3 ' +
      'logged signals (+ rm_prob, is_weight derived)',
  );
  // NODE_ENV is pinned: a build started from a test runner (NODE_ENV=test) would bundle React's development build.
  execFileSync('npx', ['vite', 'build', '--config', 'vite.web.config.mts', '--logLevel', 'error'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const file = ensureViewerRollouts(path.join(root, '.bench'));
  console.log(`  input: ${path.relative(root, file)} (${fmt(fs.statSync(file).size / 1e6, 1)} MB)`);
  // Wall-clock goals on a shared machine: the load says how far to trust them.
  const load = () => os.loadavg()[0].toFixed(1);
  console.log(`  load average before: ${load()} on ${os.cpus().length} cores`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlc-bench-viewer-'));
  const server = await startServer(path.join(dir, 'ws.db'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await importRollouts(page, file);
    const { rows } = await call(page, 'rollouts.list', { limit: 10 });
    const byTokens = (n) => rows.find((r) => r.tokenCount === n);
    const r16 = byTokens(16_000);
    const r32 = byTokens(32_000);
    const origin = new URL(server.url).origin;
    const groupHash = `#/run-prompt/${r16.runPromptId}`;

    const opens = [];
    const renders = [];
    for (let i = 0; i < RUNS; i++) {
      opens.push(await openRollout(page, origin, groupHash, r16.id));
      renders.push(await switchToRendered(page));
    }
    await openRollout(page, origin, groupHash, r16.id);
    const scroll = await scrollFrames(page);
    const opens32 = [];
    for (let i = 0; i < RUNS; i++) opens32.push(await openRollout(page, origin, groupHash, r32.id));

    const open16 = median(opens.map((o) => o.ms));
    const render16 = median(renders.map((r) => r.ms));
    const p95 = percentile(scroll.frames, 0.95);
    const longest32 = Math.max(...opens32.map((o) => o.longestTask));
    table([
      ['measure', 'result', 'goal', ''],
      [
        `open → heatmap painted, ${fmt(opens[0].tokens)} tokens (median of ${RUNS})`,
        `${fmt(open16)} ms`,
        '<= 150 ms',
        verdict(open16 <= 150),
      ],
      ['  each run', opens.map((o) => fmt(o.ms)).join(' / ') + ' ms', '', ''],
      [
        '  stages: rollout fetched / laid out and coloured (worker)',
        `${fmt(median(opens.map((o) => o.stages.detail)))} / ${fmt(median(opens.map((o) => o.stages.layout)))} ms`,
        '',
        '',
      ],
      [
        `tokens → rendered KaTeX + heat painted (median of ${RUNS})`,
        `${fmt(render16)} ms`,
        '<= 600 ms',
        verdict(render16 <= 600),
      ],
      ['  each run', renders.map((r) => fmt(r.ms)).join(' / ') + ` ms (${renders[0].katex} formulas typeset)`, '', ''],
      [
        `scroll the whole heatmap, p95 frame (${scroll.frames.length} frames, ${fmt(scroll.height)} px)`,
        `${fmt(p95, 1)} ms`,
        '<= 50 ms',
        verdict(p95 <= 50),
      ],
      ['  median / max frame', `${fmt(median(scroll.frames), 1)} / ${fmt(Math.max(...scroll.frames), 1)} ms`, '', ''],
      [
        `open ${fmt(opens32[0].tokens)} tokens: longest main-thread task (max of ${RUNS})`,
        `${fmt(longest32)} ms`,
        '<= 200 ms',
        verdict(longest32 <= 200),
      ],
      [
        `open → heatmap painted, ${fmt(opens32[0].tokens)} tokens (median)`,
        `${fmt(median(opens32.map((o) => o.ms)))} ms`,
        '',
        '',
      ],
    ]);
    console.log(`  load average after: ${load()} on ${os.cpus().length} cores`);
    console.log(
      '  (each open reloads the page first: no cached rollout; the worker starts with the page. ' +
        'Long tasks are those over 50 ms the browser reports; 0 means none.)',
    );
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();

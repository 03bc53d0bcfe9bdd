import { describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL } from '../shared/bridge';
import type { EventTarget } from './event-broadcast';
import { broadcastEvent } from './event-broadcast';

function target(url: string, destroyed = false) {
  const sent: Array<[string, unknown]> = [];
  const t: EventTarget = {
    isDestroyed: () => destroyed,
    getURL: () => url,
    send: (channel, message) => sent.push([channel, message]),
  };
  return { t, sent };
}

describe('broadcastEvent', () => {
  it('sends { event, payload } on the event channel to app windows only', () => {
    const app = target('app://bundle/index.html');
    const foreign = target('https://app.attacker.com/');
    const dead = target('app://bundle/index.html', true);
    const blank = target('about:blank');
    const count = broadcastEvent([app.t, foreign.t, dead.t, blank.t], ['app://bundle'], 'data.changed', {
      scope: 'prompts',
    });
    expect(count).toBe(1);
    expect(app.sent).toEqual([[IPC_EVENT_CHANNEL, { event: 'data.changed', payload: { scope: 'prompts' } }]]);
    expect(foreign.sent).toEqual([]);
    expect(dead.sent).toEqual([]);
    expect(blank.sent).toEqual([]);
  });
});

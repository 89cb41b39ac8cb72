import { strict as assert } from 'node:assert';
import { RenderQueue } from '../../src/extension/map/renderQueue';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('map render queue', () => {
  it('collapses a burst of requests into one run after the typing stops', async () => {
    let runs = 0;
    const queue = new RenderQueue(() => {
      runs++;
    });
    for (let i = 0; i < 20; i++) {
      queue.request(30);
      await sleep(5);
    }
    assert.equal(runs, 0, 'still typing: nothing ran');
    await sleep(60);
    assert.equal(runs, 1);
    queue.dispose();
  });

  it('never piles up: requests during a slow run owe at most one more run', async () => {
    let runs = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const queue = new RenderQueue(async () => {
      runs++;
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await sleep(40);
      concurrent--;
    });
    queue.request(0);
    await sleep(5);
    for (let i = 0; i < 10; i++) {
      queue.request(0);
      await sleep(2);
    }
    await sleep(150);
    assert.equal(maxConcurrent, 1, 'runs never overlap');
    assert.equal(runs, 2, 'one run, then one more for everything asked meanwhile');
    assert.equal(queue.pending, false);
    queue.dispose();
  });

  it('lets side effects join an armed timer without postponing it', async () => {
    let runs = 0;
    const queue = new RenderQueue(() => {
      runs++;
    });
    queue.request(40);
    let firstRunDuring = -1;
    // Index changes every 10 ms for 120 ms: they must not keep pushing the render back, so the first
    // run comes while they are still arriving, not 40 ms after the last one.
    for (let i = 0; i < 12; i++) {
      queue.request(40, false);
      await sleep(10);
      if (runs >= 1 && firstRunDuring < 0) firstRunDuring = i;
    }
    await sleep(80);
    assert.ok(firstRunDuring >= 0 && firstRunDuring < 11, `first run seen after request ${firstRunDuring} of 12`);
    // Changes after that run still get rendered: one timer at a time, re-armed by the next change.
    assert.ok(runs >= 2, `${runs} runs for 13 requests`);
    queue.dispose();
  });

  it('reports failures and keeps working', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const queue = new RenderQueue(() => {
      calls++;
      if (calls === 1) throw new Error('first fails');
    }, (error) => errors.push(error));
    queue.request(0);
    await sleep(10);
    queue.request(0);
    await sleep(10);
    assert.equal(calls, 2);
    assert.equal(errors.length, 1);
    queue.dispose();
  });

  it('does nothing after dispose', async () => {
    let runs = 0;
    const queue = new RenderQueue(() => {
      runs++;
    });
    queue.request(10);
    queue.dispose();
    queue.request(0);
    await sleep(30);
    assert.equal(runs, 0);
  });
});

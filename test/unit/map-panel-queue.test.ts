import { strict as assert } from 'node:assert';
import { RenderQueue, TimerSource } from '../../src/extension/map/renderQueue';

/** Lets every pending promise continuation run: setImmediate comes after the whole microtask queue. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A clock that only moves when the test says so. Timers fire in time order (ties in the order they
 * were set), with promise continuations settled between them, whatever the load on the machine.
 */
class ManualClock implements TimerSource {
  now = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  set(callback: () => void, delayMs: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + Math.max(0, delayMs), callback });
    return id;
  }

  clear(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.set(resolve, ms));
  }

  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      await settle();
      let dueId = -1;
      let dueAt = Infinity;
      for (const [id, timer] of this.timers) {
        if (timer.at <= end && timer.at < dueAt) {
          dueId = id;
          dueAt = timer.at;
        }
      }
      if (dueId < 0) break;
      const due = this.timers.get(dueId)!;
      this.timers.delete(dueId);
      this.now = due.at;
      due.callback();
    }
    this.now = end;
    await settle();
  }
}

describe('map render queue', () => {
  it('collapses a burst of requests into one run after the typing stops', async () => {
    const clock = new ManualClock();
    let runs = 0;
    const queue = new RenderQueue(() => {
      runs++;
    }, undefined, clock);
    for (let i = 0; i < 20; i++) {
      queue.request(30);
      await clock.advance(5);
    }
    assert.equal(runs, 0, 'still typing: nothing ran');
    await clock.advance(24);
    assert.equal(runs, 0, 'the wait restarts with each request: 29 ms after the last one is too early');
    await clock.advance(1);
    assert.equal(runs, 1, '30 ms after the last request, exactly one run');
    await clock.advance(200);
    assert.equal(runs, 1);
    queue.dispose();
  });

  it('never piles up: requests during a slow run owe at most one more run', async () => {
    const clock = new ManualClock();
    let runs = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const queue = new RenderQueue(async () => {
      runs++;
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await clock.sleep(40);
      concurrent--;
    }, undefined, clock);
    queue.request(0);
    await clock.advance(5);
    assert.equal(runs, 1, 'the first run started');
    for (let i = 0; i < 10; i++) {
      queue.request(0);
      await clock.advance(2);
    }
    assert.equal(runs, 1, 'requests during the run wait for it');
    assert.equal(queue.pending, true, 'and one more run is owed');
    await clock.advance(150);
    assert.equal(maxConcurrent, 1, 'runs never overlap');
    assert.equal(runs, 2, 'one run, then one more for everything asked meanwhile');
    assert.equal(queue.pending, false);
    queue.dispose();
  });

  it('lets side effects join an armed timer without postponing it', async () => {
    const clock = new ManualClock();
    const runTimes: number[] = [];
    const queue = new RenderQueue(() => {
      runTimes.push(clock.now);
    }, undefined, clock);
    queue.request(40);
    // Index changes every 10 ms for 120 ms must not keep pushing the render back: the first run
    // comes 40 ms after the edit asked for it, while they are still arriving.
    for (let i = 0; i < 12; i++) {
      queue.request(40, false);
      await clock.advance(10);
    }
    await clock.advance(80);
    assert.equal(runTimes[0], 40, `first run at ${runTimes[0]} ms`);
    // Changes after that run still get rendered: one timer at a time, armed by the next change.
    assert.deepEqual(runTimes, [40, 80, 120]);
    queue.dispose();
  });

  it('reports failures and keeps working', async () => {
    const clock = new ManualClock();
    const errors: unknown[] = [];
    let calls = 0;
    const queue = new RenderQueue(() => {
      calls++;
      if (calls === 1) throw new Error('first fails');
    }, (error) => errors.push(error), clock);
    queue.request(0);
    await clock.advance(0);
    queue.request(0);
    await clock.advance(0);
    assert.equal(calls, 2);
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /first fails/);
    queue.dispose();
  });

  it('does nothing after dispose', async () => {
    const clock = new ManualClock();
    let runs = 0;
    const queue = new RenderQueue(() => {
      runs++;
    }, undefined, clock);
    queue.request(10);
    queue.dispose();
    queue.request(0);
    await clock.advance(30);
    assert.equal(runs, 0);
  });

  it('uses the real timers when no clock is given', async () => {
    let runs = 0;
    const queue = new RenderQueue(() => {
      runs++;
    });
    queue.request(0);
    assert.equal(runs, 0, 'never runs synchronously');
    // A zero-delay timer set before this one always fires first, however loaded the machine.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    assert.equal(runs, 1);
    queue.dispose();
  });
});

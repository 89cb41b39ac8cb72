// Debounced, never-piling-up rendering. However fast requests arrive, at most one timer is armed
// and at most one more run is owed while a run is in progress; each run reads the newest state, so
// requests made in between collapse into that one run. No vscode import: unit-tested with a manual clock,
// so the tests decide when time passes instead of hoping a loaded machine keeps to its sleeps.

export type RenderRun = () => void | Promise<void>;

/** Where the queue's timers come from: the real ones by default, a manual clock in tests. */
export interface TimerSource {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

const REAL_TIMERS: TimerSource = {
  set: (callback, delayMs) => setTimeout(callback, delayMs),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class RenderQueue {
  private timer: unknown;
  private running = false;
  private owed = false;
  private disposed = false;
  /** Runs started, for tests and the panel snapshot. */
  runs = 0;

  constructor(
    private readonly run: RenderRun,
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly timers: TimerSource = REAL_TIMERS,
  ) {}

  /**
   * Runs after `delayMs` without further requests: a new request restarts the wait, unless
   * `restart` is false, when an armed timer is left alone (so side effects of a change cannot
   * keep postponing the render the change asked for).
   */
  request(delayMs: number, restart = true): void {
    if (this.disposed) return;
    if (this.timer !== undefined && !restart) return;
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      void this.fire();
    }, Math.max(0, delayMs));
  }

  get pending(): boolean {
    return this.timer !== undefined || this.owed;
  }

  private async fire(): Promise<void> {
    if (this.disposed) return;
    if (this.running) {
      this.owed = true;
      return;
    }
    this.running = true;
    this.runs++;
    try {
      await this.run();
    } catch (error) {
      this.onError(error);
    } finally {
      this.running = false;
    }
    if (this.owed && !this.disposed) {
      this.owed = false;
      // A request made during the run may already have armed a timer; that one will do.
      if (this.timer === undefined) void this.fire();
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }
}

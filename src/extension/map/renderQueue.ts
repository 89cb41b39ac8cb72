// Debounced, never-piling-up rendering. However fast requests arrive, at most one timer is armed
// and at most one more run is owed while a run is in progress; each run reads the newest state, so
// requests made in between collapse into that one run. No vscode import: unit-tested with real timers.

export type RenderRun = () => void | Promise<void>;

export class RenderQueue {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private owed = false;
  private disposed = false;
  /** Runs started, for tests and the panel snapshot. */
  runs = 0;

  constructor(private readonly run: RenderRun, private readonly onError: (error: unknown) => void = () => undefined) {}

  /**
   * Runs after `delayMs` without further requests: a new request restarts the wait, unless
   * `restart` is false, when an armed timer is left alone (so side effects of a change cannot
   * keep postponing the render the change asked for).
   */
  request(delayMs: number, restart = true): void {
    if (this.disposed) return;
    if (this.timer && !restart) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
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
      if (!this.timer) void this.fire();
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

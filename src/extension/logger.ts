import * as vscode from 'vscode';

/** How many recent lines the logger keeps in memory, for tests and bug reports. */
const RECENT_LINE_LIMIT = 500;

export type LogLevel = 'info' | 'warn' | 'error';

/** The "Causeway" output channel: errors always name the file involved. */
export class Logger implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Causeway', { log: true });
  private readonly lines: string[] = [];
  /** Lines written since the logger was made, including those the ring has dropped. */
  private written = 0;

  info(message: string): void {
    this.remember('info', message);
    this.channel.info(message);
  }

  warn(message: string): void {
    this.remember('warn', message);
    this.channel.warn(message);
  }

  error(message: string, error?: unknown): void {
    const line = error instanceof Error ? `${message}: ${error.message}` : error ? `${message}: ${String(error)}` : message;
    this.remember('error', line);
    this.channel.error(line);
  }

  /** The last lines written, oldest first, each as "[level] message"; with a mark, only those written after it. */
  recent(since?: number): string[] {
    if (since === undefined) return [...this.lines];
    const count = Math.min(Math.max(this.written - since, 0), this.lines.length);
    return count === 0 ? [] : this.lines.slice(-count);
  }

  /** A mark to pass to recent() later, to read only what was written after this moment. */
  mark(): number {
    return this.written;
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }

  private remember(level: LogLevel, message: string): void {
    this.lines.push(`[${level}] ${message}`);
    this.written++;
    if (this.lines.length > RECENT_LINE_LIMIT) this.lines.splice(0, this.lines.length - RECENT_LINE_LIMIT);
  }
}

import * as vscode from 'vscode';

/** The "Causeway" output channel: errors always name the file involved. */
export class Logger implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Causeway', { log: true });

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string, error?: unknown): void {
    this.channel.error(error instanceof Error ? `${message}: ${error.message}` : error ? `${message}: ${String(error)}` : message);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

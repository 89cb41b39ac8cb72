// The shape every measure reports in: raw figures for latest.json, and rows for the tables.

export interface TableRow {
  /** Which measure, e.g. "1. analysis 100 KB". */
  measure: string;
  /** Causeway's figure, formatted. */
  figure: string;
  /** The floor or peer measured in the same run, formatted; empty when there is none. */
  comparison: string;
  /** Causeway against the comparison, formatted (e.g. "1.7×"). */
  ratio: string;
  /** The target in words, empty when the row is for information. */
  target: string;
  /** True met, false missed, undefined when the row has no target or could not be decided. */
  met?: boolean;
}

export interface MeasureOutcome<T = unknown> {
  name: string;
  /** Everything measured, for latest.json. */
  figures?: T;
  rows: TableRow[];
  /** Set when the measure could not run; the rest of the suite still runs. */
  error?: string;
  seconds: number;
}

export function ratioText(value: number | undefined, digits = 2): string {
  return value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(digits)}×`;
}

export function megabytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(0)} KB`;
}

export async function runMeasure<T>(name: string, log: (line: string) => void, body: () => Promise<{ figures: T; rows: TableRow[] }> | { figures: T; rows: TableRow[] }): Promise<MeasureOutcome<T>> {
  const started = performance.now();
  log(`\n== ${name}`);
  try {
    const { figures, rows } = await body();
    return { name, figures, rows, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`  failed: ${message}`);
    const reason = message.split('\n')[0].slice(0, 120);
    return { name, rows: [{ measure: name, figure: 'failed', comparison: reason, ratio: '', target: '', met: undefined }], error: message, seconds: (performance.now() - started) / 1000 };
  }
}

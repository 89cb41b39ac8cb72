// Timing helpers: process.hrtime.bigint() around each call, warm-up runs first, the median of
// the timed runs reported. Competing tasks are run interleaved, so a burst of load on this shared
// machine hits both sides of a ratio alike. No forced gc between runs: in trials a global.gc()
// before each run made markdown-it 3 to 9 times slower (V8 drops compiled code and shrinks the
// young generation), which would misstate the floor.

import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';

export interface Sample {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
  /** Median CPU time of this process (user + system) per run: unlike wall time, not stretched while the OS runs other work. */
  medianCpuMs?: number;
}

export interface SampleOptions {
  warmups: number;
  runs: number;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function summarise(times: readonly number[], cpuTimes?: readonly number[]): Sample {
  const sample: Sample = { medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), runs: times.length };
  if (cpuTimes?.length) sample.medianCpuMs = median(cpuTimes);
  return sample;
}

/** Global gc when node runs with --expose-gc; false when it cannot. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  return true;
}

export function timeOnce(task: () => unknown): number {
  const start = process.hrtime.bigint();
  task();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs every task `warmups` times, then `runs` times each in alternating order, and summarises each. */
export function interleaved<K extends string>(tasks: Record<K, () => unknown>, options: SampleOptions): Record<K, Sample> {
  const names = Object.keys(tasks) as K[];
  for (let i = 0; i < options.warmups; i++) for (const name of names) tasks[name]();
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as unknown as Record<K, number[]>;
  const cpuTimes = Object.fromEntries(names.map((name) => [name, [] as number[]])) as unknown as Record<K, number[]>;
  for (let run = 0; run < options.runs; run++) {
    const order = run % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const cpuStart = process.cpuUsage();
      times[name].push(timeOnce(tasks[name]));
      const cpu = process.cpuUsage(cpuStart);
      cpuTimes[name].push((cpu.user + cpu.system) / 1000);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarise(times[name], cpuTimes[name])])) as unknown as Record<K, Sample>;
}

/**
 * Like `interleaved`, but each task runs in blocks of consecutive runs, the blocks alternating over
 * `rounds`. For tasks that leave much garbage (analysing a 10 MB document), so that one task's
 * garbage is collected in its own block, not billed to the other; each block after the first
 * starts with one untimed run that absorbs what the previous block left.
 */
export function alternatingBlocks<K extends string>(tasks: Record<K, () => unknown>, options: SampleOptions & { rounds: number }): Record<K, Sample> {
  const names = Object.keys(tasks) as K[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as unknown as Record<K, number[]>;
  const cpuTimes = Object.fromEntries(names.map((name) => [name, [] as number[]])) as unknown as Record<K, number[]>;
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    const runs = Math.ceil(options.runs / options.rounds);
    for (const name of order) {
      for (let i = 0; i < (round === 0 ? options.warmups : 1); i++) tasks[name]();
      for (let i = 0; i < runs && times[name].length < options.runs; i++) {
        const cpuStart = process.cpuUsage();
        times[name].push(timeOnce(tasks[name]));
        const cpu = process.cpuUsage(cpuStart);
        cpuTimes[name].push((cpu.user + cpu.system) / 1000);
      }
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarise(times[name], cpuTimes[name])])) as unknown as Record<K, Sample>;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGB: number;
  freeMemoryGB: number;
  os: string;
  node: string;
  /** Load average over the last minute when the run started: other work on the machine skews figures. */
  loadAverage1m: number;
}

export function machineInfo(): MachineInfo {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
  };
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 0.1) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 10_000) return `${ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

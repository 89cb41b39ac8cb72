import * as vscode from 'vscode';
import type { Severity } from '../core/model';
import { DEFAULT_MAX_FILE_SIZE } from '../core/io/decode';

export type DisplayLanguage = 'en' | 'zh';

export interface TrackerSetting {
  pattern: string;
  url: string;
  /** "github" | "gitlab" | "jira" | "linear": how a new-issue URL is built. */
  kind?: string;
  newIssueUrl?: string;
}

/** The settings Causeway reads, in one typed place. */
export interface CausewaySettings {
  include: string[];
  exclude: string[];
  maxFileSize: number;
  language: 'auto' | 'en' | 'zh-cn';
  severity: Partial<Record<string, Severity | 'off'>>;
  decorations: boolean;
  followCursor: boolean;
  diagnosticsDelay: number;
  trackers: TrackerSetting[];
  rulePacks: boolean;
}

export function readSettings(scope?: vscode.Uri): CausewaySettings {
  const config = vscode.workspace.getConfiguration('causeway', scope);
  return {
    include: config.get<string[]>('include', ['**/*.md', '**/*.markdown']),
    exclude: config.get<string[]>('exclude', ['**/node_modules/**', '**/.git/**']),
    maxFileSize: Math.max(1024, config.get<number>('maxFileSize', DEFAULT_MAX_FILE_SIZE)),
    language: config.get<'auto' | 'en' | 'zh-cn'>('language', 'auto'),
    severity: config.get<Partial<Record<string, Severity | 'off'>>>('severity', {}),
    decorations: config.get<boolean>('decorations.enabled', false),
    followCursor: config.get<boolean>('findings.followCursor', true),
    diagnosticsDelay: Math.max(0, config.get<number>('diagnostics.delay', 250)),
    trackers: config.get<TrackerSetting[]>('trackers', []),
    rulePacks: config.get<boolean>('rulePacks.enabled', true),
  };
}

/** The language hover text and labels use: the setting, else VS Code's display language. */
export function displayLanguage(settings: CausewaySettings): DisplayLanguage {
  if (settings.language === 'en') return 'en';
  if (settings.language === 'zh-cn') return 'zh';
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

// A stand-in for the `vscode` module, for timing the extension's activate() in a plain Node
// process (bench/activate-probe.ts). Benchmark use only, never in tests: it answers every API
// call with an inert object, which is enough for activation to wire its providers and return.
// Every member touched is recorded, so the report can say how much of the API activation used.

import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';

type Stub = ((...args: unknown[]) => unknown) & Record<PropertyKey, unknown>;

export interface FakeVscode {
  module: Stub;
  /** API members read, called or constructed, e.g. "vscode.window.createOutputChannel()". */
  touched: Set<string>;
}

/** Values that must be of a real type for code to work, by the member's path. */
const VALUES: Record<string, () => unknown> = {
  'vscode.version': () => '1.90.0',
  'vscode.env.language': () => 'en',
  'vscode.env.appName': () => 'Visual Studio Code',
  'vscode.workspace.isTrusted': () => true,
  'vscode.workspace.textDocuments': () => [],
  'vscode.workspace.workspaceFolders': () => undefined,
  'vscode.window.visibleTextEditors': () => [],
  'vscode.window.activeTextEditor': () => undefined,
  'vscode.window.tabGroups': () => ({ all: [], onDidChangeTabs: () => ({ dispose() {} }) }),
};

/** Functions whose result code relies on: a translated string, a configured or stored value, a file search. */
function callResult(path: string, args: unknown[], touched: Set<string>): unknown {
  const member = path.slice(path.lastIndexOf('.') + 1);
  if (path === 'vscode.l10n.t') return translate(args);
  if (member === 'get' && args.length >= 2) return args[1];
  if (member === 'get') return undefined;
  if (path === 'vscode.workspace.findFiles') return Promise.resolve([]);
  return stub(`${path}()`, touched);
}

function translate(args: unknown[]): string {
  const first = args[0];
  const message = typeof first === 'string' ? first : String((first as { message?: string })?.message ?? '');
  const values = args.slice(1);
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = /^\d+$/.test(key) ? values[Number(key)] : (values[0] as Record<string, unknown> | undefined)?.[key];
    return value === undefined ? whole : String(value);
  });
}

function stub(path: string, touched: Set<string>): Stub {
  const own = new Map<PropertyKey, unknown>();
  const target = function () {} as unknown as Stub;
  const proxy: Stub = new Proxy(target, {
    get(t, key) {
      if (own.has(key)) return own.get(key);
      if (key === 'prototype') return t.prototype;
      // Not a promise, not iterable as anything but empty, and printable.
      if (key === 'then') return undefined;
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.toPrimitive || key === 'toString' || key === 'toJSON') return () => path;
      if (typeof key === 'symbol') return undefined;
      const child = `${path}.${key}`;
      touched.add(child);
      const value = VALUES[child] ? VALUES[child]() : stub(child, touched);
      own.set(key, value);
      return value;
    },
    set(_t, key, value) {
      own.set(key, value);
      return true;
    },
    has(_t, key) {
      return own.has(key);
    },
    apply(_t, _this, args) {
      touched.add(`${path}()`);
      return callResult(path, args, touched);
    },
    construct(t, args, newTarget) {
      touched.add(`new ${path}()`);
      // A class of the extension's own that extends this one (a TreeItem, say) keeps its prototype.
      if (newTarget !== proxy) return Reflect.construct(t, args, newTarget) as object;
      return stub(`new ${path}()`, touched);
    },
  });
  return proxy;
}

/**
 * The names the real module exports (namespaces, classes, enums, constants), read from
 * @types/vscode. Bundlers copy a CommonJS module's own properties when they wrap it for
 * `import * as vscode`, so the fake must have them as real properties, not only answer on access.
 */
function apiNames(repoRoot: string): string[] {
  const types = join(repoRoot, 'node_modules', '@types', 'vscode', 'index.d.ts');
  if (!existsSync(types)) throw new Error('@types/vscode is not installed: the fake vscode module takes its names from it');
  // Top-level declarations of `declare module 'vscode'` are indented by one tab.
  const names = [...readFileSync(types, 'utf8').matchAll(/^\texport (?:namespace|class|enum|const|let|var|function) (\w+)/gm)].map((m) => m[1]);
  return [...new Set(names)];
}

/** Makes `require('vscode')` return the fake, from now on in this process. */
export function installFakeVscode(repoRoot: string): FakeVscode {
  const touched = new Set<string>();
  const members = stub('vscode', touched);
  const fake = {} as Stub;
  for (const name of apiNames(repoRoot)) {
    Object.defineProperty(fake, name, { enumerable: true, configurable: true, get: () => members[name] });
  }
  const id = join(__dirname, '__fake_vscode__.js');
  const loader = Module as unknown as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
    _cache: Record<string, unknown>;
  };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'vscode' ? id : resolve.call(this, request, ...rest);
  };
  loader._cache[id] = { id, filename: id, loaded: true, exports: fake, children: [], paths: [] };
  return { module: fake, touched };
}

/** What activate() receives: real arrays and mementos, stubs for the rest. */
export function fakeExtensionContext(fake: FakeVscode, extensionPath: string, packageJSON: unknown): Record<string, unknown> {
  const memento = () => ({ get: (_key: string, fallback?: unknown) => fallback, update: async () => undefined, keys: () => [], setKeysForSync: () => undefined });
  const uri = (fake.module.Uri as Stub & { file: (path: string) => unknown }).file(extensionPath);
  return {
    subscriptions: [] as { dispose(): unknown }[],
    extension: { id: 'causeway.causeway', extensionPath, extensionUri: uri, packageJSON, isActive: true, extensionKind: 1 },
    extensionPath,
    extensionUri: uri,
    extensionMode: 1,
    asAbsolutePath: (relative: string) => join(extensionPath, relative),
    globalState: memento(),
    workspaceState: memento(),
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => ({ dispose() {} }) },
    storageUri: undefined,
    globalStorageUri: uri,
    logUri: uri,
    environmentVariableCollection: fake.module.EnvironmentVariableCollection,
  };
}

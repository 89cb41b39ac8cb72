import type { AnalyzerData } from '../analyze';
import { Catalog } from '../catalog/catalog';
import type { CatalogPattern } from '../catalog/types';
import { Lexicon, type LexiconData } from '../classify/lexicon';
// Generated from seeds/ by scripts/gen-data.mjs at build time.
import builtin from './builtin.generated.json';

let cached: AnalyzerData | undefined;

export function builtinPatterns(): CatalogPattern[] {
  return (builtin.catalog as unknown as CatalogPattern[]).map((p) => ({ ...p, origin: 'builtin' }));
}

export function builtinLexicon(): Lexicon {
  return new Lexicon(builtin.lexicon as unknown as LexiconData);
}

/** The lexicon and the built-in catalog, compiled once per process. */
export function builtinData(): AnalyzerData {
  cached ??= { lexicon: builtinLexicon(), catalog: new Catalog(builtinPatterns()) };
  return cached;
}

/** The built-in data with extra catalog patterns (from rule packs) added or replacing built-in ones. */
export function dataWithPatterns(extra: CatalogPattern[]): AnalyzerData {
  if (extra.length === 0) return builtinData();
  return { lexicon: builtinData().lexicon, catalog: new Catalog([...builtinPatterns(), ...extra]) };
}

// Prints how well the zero-config classifier does on a labelled corpus: `npm run eval [folder]`.
import { resolve } from 'node:path';
import { builtinData } from '../../src/core/data/builtin';
import { evaluateCorpus } from './evaluate';

const folderArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
const folder = resolve(folderArg ?? resolve(__dirname, '../../../test/fixtures/eval'));
const result = evaluateCorpus(folder, builtinData());
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
console.log(`${result.documents} documents, ${result.statements} labelled statements`);
console.log(`micro F1 ${pct(result.micro.f1)} (precision ${pct(result.micro.precision)}, recall ${pct(result.micro.recall)})`);
for (const [kind, s] of Object.entries(result.perKind)) console.log(`  ${kind.padEnd(9)} F1 ${pct(s.f1)}  P ${pct(s.precision)}  R ${pct(s.recall)}`);
for (const [language, s] of Object.entries(result.perLanguage)) console.log(`  ${language.padEnd(9)} F1 ${pct(s.f1)}`);
for (const d of result.perDocument) console.log(`  ${d.name.padEnd(40)} ${pct(d.micro.f1)}`);
if (process.argv.includes('--mistakes')) {
  for (const m of result.mistakes) console.log(`${m.document}  expected ${m.expected}, got ${m.predicted}: ${m.text.slice(0, 120)}${process.argv.includes('--why') ? `\n      ${m.why}` : ''}`);
}

// Compiles the data in seeds/ (lexicons and the catalog of organisational diseases) into one
// JSON module that the core imports, after validating every catalog file against its schema.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import Ajv from 'ajv';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path) => parse(readFileSync(path, 'utf8'));

const lexicon = {
  headings: read(join(root, 'seeds/lexicon/headings.yaml')),
  cues: read(join(root, 'seeds/lexicon/cues.yaml')),
};

const catalogDir = join(root, 'seeds/catalog');
const schemaPath = join(root, 'schemas/catalog-pattern.schema.json');
const validate = existsSync(schemaPath) ? new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8'))) : null;
const catalog = [];
const problems = [];
if (existsSync(catalogDir)) {
  for (const name of readdirSync(catalogDir).filter((n) => n.endsWith('.yaml')).sort()) {
    const pattern = read(join(catalogDir, name));
    if (validate && !validate(pattern)) {
      problems.push(`${name}: ${validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`);
      continue;
    }
    catalog.push(pattern);
  }
}
if (problems.length) {
  console.error(`catalog data is invalid:\n${problems.join('\n')}`);
  process.exit(1);
}
const out = join(root, 'src/core/data/builtin.generated.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ lexicon, catalog }));
console.log(`data: ${catalog.length} catalog patterns, lexicons written to ${out.slice(root.length + 1)}`);

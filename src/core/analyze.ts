import { readAnnotations } from './annotate/annotations';
import { kindOfId } from './annotate/ids';
import type { Catalog } from './catalog/catalog';
import { classifyStatements } from './classify/classifier';
import type { Lexicon } from './classify/lexicon';
import { inferLinks } from './graph/infer';
import type { DocumentAnalysis, Finding, FindingKind, Gap, Link, LinkType, Metric, Range } from './model';
import { parseDocument, type ParsedDocument } from './parse/document';

export interface AnalyzerData {
  lexicon: Lexicon;
  catalog: Catalog;
}

export interface Analysis extends DocumentAnalysis {
  model: ParsedDocument;
}

const EVIDENCE_METRICS = new Set<Metric['type']>(['percent', 'money', 'change', 'count']);

/** Everything Causeway knows about one document that does not depend on other documents. */
export function analyzeText(uri: string, text: string, data: AnalyzerData): Analysis {
  const model = parseDocument(uri, text);
  const annotations = readAnnotations(model);
  const classifications = classifyStatements(model, data.lexicon, (s) => annotations.ownerOf.has(s.index));
  const base = documentKey(uri);
  const findings: Finding[] = [];
  const findingOfStatement = new Map<number, Finding>();
  const counters = new Map<FindingKind, number>();
  const autoId = (kind: FindingKind) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${base}#${kind}-${n}`;
  };

  // Explicit declarations: the annotated item, from its ID to the end of what it owns.
  const lastOwned = new Map<number, number>();
  for (const [statement, owner] of annotations.ownerOf) lastOwned.set(owner, Math.max(lastOwned.get(owner) ?? statement, statement));
  for (const declaration of annotations.declarations) {
    const first = model.statements[declaration.statement];
    const last = model.statements[lastOwned.get(declaration.statement) ?? declaration.statement];
    const span = { start: first.span.start, end: last.span.end };
    const finding: Finding = {
      id: declaration.id,
      explicitId: true,
      kind: declaration.kind,
      text: cleanAnnotatedText(first.text),
      range: model.lineMap.rangeOf(span),
      source: 'annotation',
      confidence: 1,
      reasons: [{ signal: 'annotation', detail: declaration.id, kind: isStatementKind(declaration.kind) ? declaration.kind : undefined, weight: 1, range: declaration.range }],
      statement: declaration.statement,
    };
    findings.push(finding);
    findingOfStatement.set(declaration.statement, finding);
  }

  model.statements.forEach((statement, index) => {
    const classification = classifications[index];
    if (!classification?.kind) return;
    const finding: Finding = {
      id: autoId(classification.kind),
      explicitId: false,
      kind: classification.kind,
      text: statement.text,
      range: statement.range,
      source: classification.source,
      confidence: classification.confidence,
      reasons: classification.reasons,
      statement: index,
    };
    findings.push(finding);
    findingOfStatement.set(index, finding);
  });

  const owningFinding = (statementIndex: number): Finding | undefined => {
    const owner = annotations.ownerOf.get(statementIndex);
    return findingOfStatement.get(owner ?? statementIndex);
  };

  const links: Link[] = [];
  const patternOfStatement = new Map<number, string>();
  for (const statement of model.statements) {
    if (model.blocks[statement.block].type === 'heading' && !findingOfStatement.has(statement.index)) continue;
    const owner = owningFinding(statement.index);
    // Numbers in a claim are its evidence; an evidence item declared with [E1] is already one.
    const evidenceMetrics = statement.metrics.filter((m) => EVIDENCE_METRICS.has(m.type));
    if (evidenceMetrics.length && owner?.kind !== 'evidence') {
      const span = { start: evidenceMetrics[0].span.start, end: evidenceMetrics[evidenceMetrics.length - 1].span.end };
      const evidence: Finding = {
        id: autoId('evidence'),
        explicitId: false,
        kind: 'evidence',
        text: statement.text,
        range: model.lineMap.rangeOf(span),
        source: owner?.source ?? 'cue',
        confidence: 0.9,
        reasons: evidenceMetrics.map((m) => ({ signal: 'metric' as const, detail: m.text, weight: 1, range: m.range })),
        statement: statement.index,
      };
      findings.push(evidence);
      if (owner) links.push({ from: evidence.id, to: owner.id, type: 'supports', inferred: false, confidence: 1, reason: 'numbers in the claim' });
    }
    // A remedy names the disease it treats; that is not a symptom of it.
    const match = owner?.kind === 'solution' ? undefined : data.catalog.match(statement, statement.text.toLowerCase());
    if (match) {
      patternOfStatement.set(statement.index, match.pattern.id);
      const matchSpan = { start: statement.span.start + match.start, end: statement.span.start + match.end };
      findings.push({
        id: autoId('symptom'),
        explicitId: false,
        kind: 'symptom',
        text: statement.text,
        range: statement.range,
        source: 'catalog',
        confidence: Math.round(Math.min(0.95, 0.5 + match.score * 0.15) * 100) / 100,
        reasons: [
          { signal: 'catalog', detail: match.matched, weight: match.score, range: model.lineMap.rangeOf(matchSpan) },
          ...match.alsoMatched.slice(0, 3).map((id) => ({ signal: 'catalog' as const, detail: id, weight: 0 })),
        ],
        statement: statement.index,
        patternId: match.pattern.id,
        matched: match.matched,
      });
    }
  }

  // Written relations become explicit links; "[[X]]" takes its type from the kinds at both ends.
  const explicitlyCaused = new Set<string>();
  const explicitlyAddressing = new Set<string>();
  for (const reference of annotations.references) {
    if (reference.fromStatement === undefined) continue;
    const source = owningFinding(reference.fromStatement);
    if (!source) continue;
    const type = reference.relation === 'references' ? relationBetween(source.kind, kindOfId(reference.id)) : reference.relation;
    if (!type) continue;
    const reversed = reference.reverse || (reference.relation === 'references' && isReversed(source.kind, kindOfId(reference.id)));
    const from = reversed ? reference.id : source.id;
    const to = reversed ? source.id : reference.id;
    links.push({ from, to, type, inferred: false, confidence: 1, range: reference.range });
    if (type === 'causes') explicitlyCaused.add(to);
    if (type === 'addresses') explicitlyAddressing.add(from);
  }
  // A plan that says in its front matter what it addresses: its solutions aim there unless they say otherwise.
  const frontMatterTargets = annotations.references.filter((r) => r.via === 'front-matter' && r.relation === 'addresses');
  for (const solution of findings) {
    if (solution.kind !== 'solution' || explicitlyAddressing.has(solution.id)) continue;
    for (const target of frontMatterTargets) {
      links.push({ from: solution.id, to: target.id, type: 'addresses', inferred: true, confidence: 0.6, reason: 'front matter "addresses"' });
    }
    if (frontMatterTargets.length) explicitlyAddressing.add(solution.id);
  }
  links.push(...inferLinks({ findings, statements: model.statements, patternOfStatement, catalog: data.catalog, explicitlyCaused, explicitlyAddressing }));

  return { uri, model, findings, links, declarations: annotations.declarations, references: annotations.references, localGaps: localGaps(model, annotations.declarations) };
}

function localGaps(model: ParsedDocument, declarations: { id: string; kind: FindingKind; range: Range; statement: number }[]): Gap[] {
  const gaps: Gap[] = [];
  if (model.referenceList.length > 0) {
    const labels = new Set(model.referenceList.map((r) => r.label));
    for (const statement of model.statements) {
      for (const citation of statement.citations) {
        if (labels.has(citation.label)) continue;
        gaps.push({ code: 'unresolved-citation', message: `Citation [${citation.label}] has no entry in the reference list.`, range: citation.range, findingIds: [], severity: 'warning' });
      }
    }
  }
  for (const declaration of declarations) {
    const section = model.sections[model.statements[declaration.statement].section];
    let kind = section?.headingKind;
    for (let s = section; !kind && s && s.parent > 0; s = model.sections[s.parent]) kind = model.sections[s.parent].headingKind;
    if (!kind || kind === 'context' || declaration.kind === 'evidence' || kind === declaration.kind) continue;
    gaps.push({
      code: 'id-kind-mismatch',
      message: `${declaration.id} is declared as a ${declaration.kind} but sits in a section about ${kind}s.`,
      range: declaration.range,
      findingIds: [declaration.id],
      severity: 'warning',
    });
  }
  return gaps;
}

/** The relation a bare "[[X]]" expresses, given what the two ends are. */
function relationBetween(from: FindingKind, to: FindingKind | undefined): LinkType | undefined {
  if (!to) return undefined;
  if (from === 'evidence' || to === 'evidence') return 'supports';
  if (from === 'solution' || to === 'solution') return 'addresses';
  if ((from === 'cause' && to === 'problem') || (from === 'problem' && to === 'cause')) return 'causes';
  if (from === to && (from === 'cause' || from === 'problem')) return 'causes';
  return 'references';
}

function isReversed(from: FindingKind, to: FindingKind | undefined): boolean {
  return (from === 'problem' && to === 'cause') || (to === 'solution' && from !== 'solution') || (to === 'evidence' && from !== 'evidence');
}

function isStatementKind(kind: FindingKind): kind is 'problem' | 'cause' | 'solution' {
  return kind === 'problem' || kind === 'cause' || kind === 'solution';
}

/** "[AH-C1] Scale grew … causes: AH-P1" → "Scale grew …". */
function cleanAnnotatedText(text: string): string {
  return text.replace(/^\[[^\]]+\]\s*/, '').trim();
}

/** A short, stable name for a document, used to make IDs for findings the author did not name. */
export function documentKey(uri: string): string {
  const name = decodeURIComponent(uri.replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? uri);
  return name.replace(/\.(?:md|markdown|mdx)$/i, '') || 'document';
}

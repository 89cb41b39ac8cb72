// Hovers on what Causeway understood: a citation, a figure, a catalog term, or the finding under the cursor.
import * as vscode from 'vscode';
import type { Finding, Range } from '../../core/model';
import { catalogTermHover, citationHover, findingHover, metricHover, REVEAL_COMMAND } from '../../core/present/hover';
import { rangeContains } from '../../core/text/lines';
import { toVsRange, type EditingShared } from './shared';

export class CausewayHoverProvider implements vscode.HoverProvider {
  constructor(private readonly shared: EditingShared) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const { service } = this.shared;
    const analysis = service.analysisOf(document);
    if (!analysis) return undefined;
    const lang = this.shared.lang;
    const at = { line: position.line, character: position.character };
    const within = (range: Range | undefined) => Boolean(range && rangeContains(range, at) && !(range.end.line === at.line && range.end.character === at.character));
    const statement = analysis.model.statements.find((s) => within(s.range));
    if (statement) {
      const citation = statement.citations.find((c) => within(c.range));
      if (citation) {
        const entry = analysis.model.referenceList.find((r) => r.label === citation.label);
        return this.hover(citationHover(citation.label, entry, lang), citation.range);
      }
      const metric = statement.metrics.find((m) => m.type !== 'year' && within(m.range));
      if (metric) return this.hover(metricHover(metric, lang), metric.range);
    }
    const symptoms = analysis.findings.filter((f) => f.kind === 'symptom' && f.patternId && (!statement || f.statement === statement.index));
    for (const symptom of symptoms) {
      const term = symptom.reasons.find((r) => r.signal === 'catalog' && r.range && within(r.range));
      const pattern = term && this.shared.catalog.get(symptom.patternId!);
      if (term && pattern) return this.hover(catalogTermHover(pattern, symptom.matched ?? term.detail, lang), term.range!);
    }
    const finding = this.claimAt(analysis.findings, statement?.index) ?? service.findingAt(document, position);
    if (!finding) return undefined;
    const symptom = symptoms.find((s) => s.statement === finding.statement && finding.statement >= 0);
    const pattern = symptom?.patternId ? this.shared.catalog.get(symptom.patternId) : undefined;
    const markdown = findingHover({ finding, relations: this.shared.relations(finding, analysis), symptom: symptom && pattern ? { finding: symptom, pattern } : undefined, lang });
    return this.hover(markdown, finding.range);
  }

  /** The problem, cause or solution a statement makes, or that owns it, before any evidence or symptom. */
  private claimAt(findings: Finding[], statement: number | undefined): Finding | undefined {
    if (statement === undefined) return undefined;
    return findings.find((f) => f.statement === statement && (f.kind === 'problem' || f.kind === 'cause' || f.kind === 'solution'));
  }

  private hover(value: string, range: Range): vscode.Hover {
    const markdown = new vscode.MarkdownString(value);
    // Links written in the document are escaped text; the only live links are Causeway's own reveal commands.
    markdown.isTrusted = { enabledCommands: [REVEAL_COMMAND] };
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, toVsRange(range));
  }
}

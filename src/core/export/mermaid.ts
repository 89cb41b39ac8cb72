import type { Finding, Link } from '../model';

export interface MermaidOptions {
  /** Longest label, in characters, before it is cut with an ellipsis. */
  maxLabel?: number;
}

const SHAPES: Record<string, [string, string]> = {
  cause: ['[/', '/]'],
  problem: ['[', ']'],
  solution: ['([', '])'],
  evidence: ['[(', ')]'],
};

/** A Mermaid flowchart of the cause → problem → solution map, safe to paste into Markdown. */
export function toMermaid(findings: Finding[], links: Link[], options: MermaidOptions = {}): string {
  const max = options.maxLabel ?? 60;
  const shown = findings.filter((f) => f.kind in SHAPES);
  const nodeId = new Map<string, string>();
  shown.forEach((finding, i) => nodeId.set(finding.id, `n${i}`));
  const lines = ['flowchart LR'];
  for (const kind of ['cause', 'problem', 'solution', 'evidence']) {
    const members = shown.filter((f) => f.kind === kind);
    if (members.length === 0) continue;
    lines.push(`  subgraph ${kind}s [${capitalise(kind)}s]`);
    for (const finding of members) {
      const [open, close] = SHAPES[kind];
      const label = finding.explicitId ? `${finding.id}: ${finding.text}` : finding.text;
      lines.push(`    ${nodeId.get(finding.id)}${open}"${escapeLabel(cut(label, max))}"${close}`);
    }
    lines.push('  end');
  }
  const external = new Map<string, string>();
  const endpoint = (id: string) => {
    const known = nodeId.get(id);
    if (known) return known;
    let name = external.get(id);
    if (!name) {
      name = `x${external.size}`;
      external.set(id, name);
      lines.push(`  ${name}{{"${escapeLabel(id)}"}}`);
    }
    return name;
  };
  for (const link of links) {
    if (link.type === 'references') continue;
    const from = endpoint(link.from);
    const to = endpoint(link.to);
    const arrow = link.inferred ? '-.->' : link.type === 'addresses' ? '==>' : '-->';
    const label = link.inferred ? `|${link.type} ${Math.round(link.confidence * 100)}%|` : `|${link.type}|`;
    lines.push(`  ${from} ${arrow}${label} ${to}`);
  }
  lines.push('  classDef problem fill:#fde2e1,stroke:#c0392b;', '  classDef cause fill:#fff1d6,stroke:#b9770e;', '  classDef solution fill:#dff5e3,stroke:#1e8449;', '  classDef evidence fill:#e3eefc,stroke:#2e86c1;');
  for (const kind of ['problem', 'cause', 'solution', 'evidence']) {
    const ids = shown.filter((f) => f.kind === kind).map((f) => nodeId.get(f.id));
    if (ids.length) lines.push(`  class ${ids.join(',')} ${kind};`);
  }
  return lines.join('\n');
}

/** Mermaid reads quotes, brackets and pipes in labels; entity codes keep them as text. */
export function escapeLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[#"<>\[\]{}()|`]/g, (c) => `#${c.charCodeAt(0)};`);
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

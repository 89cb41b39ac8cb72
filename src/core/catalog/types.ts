/** A pattern of organisational disease, as written in seeds/catalog/*.yaml or a user rule pack. */
export interface Bilingual {
  en: string;
  zh: string;
}

export type MetricRule =
  | { type: 'share-at-least'; threshold: number; subject: { en?: string[]; zh?: string[] } }
  | { type: 'decline-at-least'; threshold: number; subject?: { en?: string[]; zh?: string[] } }
  | { type: 'loss'; threshold: number; subject?: { en?: string[]; zh?: string[] } };

export interface RelatedText extends Bilingual {
  related: string[];
}

export interface CatalogPattern {
  id: string;
  severity: 'error' | 'warning' | 'info';
  name: Bilingual;
  explanation: Bilingual;
  signals: {
    en: string[];
    zh: string[];
    regex?: { lang: 'en' | 'zh'; pattern: string }[];
    metrics?: MetricRule[];
  };
  typicalCauses: RelatedText[];
  typicalRemedies: RelatedText[];
  related: string[];
  references?: string[];
  /** Where the pattern came from: "builtin" or the rule pack's file. */
  origin?: string;
}

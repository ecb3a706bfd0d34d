// Type declarations for the factgrid npm package (embed.js).
//
// Hand-written and checked in `tests/package`: the report types are
// compiled against real reports from the packaged widget (every field,
// every optional field filled), so a field added in Rust
// (crates/engine/src/report.rs) without a type here fails that test.

// ---------------------------------------------------------------------------
// The report: `factgrid.report/1`, the same JSON as `factgrid analyze --format json`.
// Text is referred to by UTF-8 byte offsets into the analysed text.

/** The report format's name and version. */
export type ReportSchema = 'factgrid.report/1';

/** A party or topic id from the profile (`russia`, `ceasefire`, …). */
export type Id = string;

/**
 * A half-open range `start..end` of UTF-8 **bytes** into the analysed text
 * (not UTF-16 code units: use `new TextEncoder().encode(text).slice(start, end)`
 * or {@link Evidence.text} when the text has non-ASCII characters).
 */
export interface Span {
  /** First byte. */
  start: number;
  /** One past the last byte. */
  end: number;
}

/** An id with its display label. */
export interface Label {
  id: Id;
  label: string;
}

/** Counts describing the analysed input. */
export interface Stats {
  /** Characters (Unicode scalar values). */
  chars: number;
  /** Bytes (UTF-8). */
  bytes: number;
  /** Sentences and line units. */
  sentences: number;
  /** Paragraphs. */
  paragraphs: number;
}

/** What kind of unit a sentence is: running text, a headline-like line, or a list item. */
export type UnitKind = 'sentence' | 'line' | 'list_item';

/** One sentence of the text. */
export interface Sentence {
  span: Span;
  /** Index of its paragraph. */
  paragraph: number;
  kind: UnitKind;
  /** Parties referred to in it, in profile order. */
  parties: Id[];
  /** Topics it bears on. */
  topics: Id[];
}

/** The eight stance labels, in the order the grid shows them. */
export type Stance =
  | 'proposes'
  | 'supports'
  | 'conditional'
  | 'opposes'
  | 'demands'
  | 'questions'
  | 'considering'
  | 'acts';

/** How a party is tied to a sentence. */
export type Via = 'speaker' | 'according_to' | 'subject' | 'owner' | 'agent';

/** What kind of words refer to a party. */
export type MentionKind =
  | 'person'
  | 'title'
  | 'institution'
  | 'country'
  | 'capital'
  | 'demonym'
  | 'group'
  | 'pronoun';

/** What one party holds on one topic: one filled cell of the grid. */
export interface Cell {
  party: Id;
  topic: Id;
  /** The primary stance. */
  stance: Stance;
  /** A one-line summary for the grid. */
  summary: string;
  /** The sentences that show it, in text order. */
  evidence: Evidence[];
}

/** One sentence supporting a cell. */
export interface Evidence {
  /** Index into {@link Report.sentences}. */
  sentence: number;
  /** The sentence text. */
  text: string;
  span: Span;
  /** This sentence's own stance, if it shows one. */
  stance: Stance | null;
  via: Via;
  /** Who speaks or acts, as written in the text (`Mr. Putin`, `he`). */
  speaker: string | null;
  /** Where {@link Evidence.speaker} is in the text. */
  speaker_span: Span | null;
  /** When `speaker` is a pronoun or description (`he`, `the envoy`): the name it stands for (`Vladimir Putin`). */
  resolved: string | null;
  /** Where `resolved` is in the text. */
  resolved_span: Span | null;
  /** The cue words that gave `stance` (`rejected`, `in principle`). */
  cue: Span | null;
  /** The quoted words in the sentence, if any. */
  quote: Span | null;
}

/** A numeric claim (`less than 200 sq. km`). */
export interface Figure {
  /** The figure as written, with its modifier and unit. */
  text: string;
  span: Span;
  /** Index into {@link Report.sentences}. */
  sentence: number;
  /** The topic it bears on, if any. */
  topic: Id | null;
  /** The party it comes from, if the text names one. */
  source: Id | null;
}

/** A reference to a party in the text. */
export interface Mention {
  span: Span;
  party: Id;
  kind: MentionKind;
  /** Index into {@link Report.sentences}. */
  sentence: number;
}

/** A language factgrid reads, by its ISO 639-1 code: English, Russian, Ukrainian. */
export type Language = 'en' | 'ru' | 'uk';

/** A language to read a text in, or show the widget in: `auto` (the default) chooses. */
export type LanguageChoice = Language | 'auto';

/** The result of an analysis. */
export interface Report {
  schema: ReportSchema;
  /**
   * The language the text was read in: detected from its letters, or the
   * one asked for (`lang`). A host page's own profile may name another
   * code.
   */
  language: Language | (string & {});
  /** The parties (the grid's columns), in profile order. */
  parties: Label[];
  /** The topics (the grid's rows), in profile order. */
  topics: Label[];
  stats: Stats;
  /** Every sentence of the text, in order. */
  sentences: Sentence[];
  /** One entry per (party, topic) the text fills, in grid order. */
  cells: Cell[];
  /** Numeric claims. */
  figures: Figure[];
  /** Every reference to a party, for highlighting. */
  mentions: Mention[];
  /** Things the reader should know about the input (cut at 20 MB, control characters…). */
  notices: string[];
}

// ---------------------------------------------------------------------------
// The JavaScript API.

// ---------------------------------------------------------------------------
// The comparison: `factgrid.comparison/1`, the same JSON as
// `factgrid compare --format json`.

/** The comparison format's name and version. */
export type ComparisonSchema = 'factgrid.comparison/1';

/** A date: `YYYY-MM-DD`, or `--MM-DD` when the year is not known. */
export type ArticleDate = string;

/** An article to compare: its text, and what names it (detected when not given). */
export interface ArticleInput {
  text: string;
  title?: string;
  outlet?: string;
  /** `YYYY-MM-DD` or `--MM-DD`. */
  date?: ArticleDate;
}

/** One article as the comparison names it. */
export interface ComparedArticle {
  id: string | null;
  title: string;
  outlet: string | null;
  date: ArticleDate | null;
  /** A short label for chips and columns, distinct among the articles. */
  label: string;
  notices: string[];
}

/** Whether the articles agree on a cell. */
export type Verdict = 'agree' | 'differ' | 'one_source' | 'none';

/** One evidence sentence of an article's cell. */
export interface EvidenceRef {
  sentence: number;
  text: string;
  stance: Stance | null;
  speaker: string | null;
}

/** What one article gives a cell. */
export interface ArticleStance {
  stance: Stance;
  summary: string;
  evidence: EvidenceRef[];
}

/** One article's stance on a cell, at its date. */
export interface TimelinePoint {
  article: number;
  date: ArticleDate;
  stance: Stance | null;
  changed: boolean;
}

/** One party × topic across the articles. */
export interface CellComparison {
  party: Id;
  topic: Id;
  verdict: Verdict;
  covered: number;
  /** One entry per article, in article order. */
  by_article: (ArticleStance | null)[];
  timeline: TimelinePoint[];
}

/** What the words around a number say about the value. */
export type Bound = 'exact' | 'about' | 'nearly' | 'below' | 'at_most' | 'above' | 'at_least' | 'range' | 'several';

/** One figure, read as a value. */
export interface FigureValue {
  article: number;
  figure: number;
  sentence: number;
  text: string;
  source: Id | null;
  bound: Bound;
  value: number | null;
  min: number | null;
  max: number | null;
  display: string;
}

/** Two values of one group that disagree (indices into `values`). */
export interface Conflict {
  a: number;
  b: number;
}

/** Figures that measure the same thing. */
export interface FigureGroup {
  topic: Id | null;
  measure: string | null;
  label: string;
  quantity: string;
  unit: string;
  values: FigureValue[];
  conflicts: Conflict[];
}

/** The articles in date order. */
export interface Timeline {
  order: number[];
  undated: number[];
  assumed_year: number | null;
}

/** How articles compare. */
export interface Comparison {
  schema: ComparisonSchema;
  articles: ComparedArticle[];
  parties: Label[];
  topics: Label[];
  cells: CellComparison[];
  figures: { tolerance: number; groups: FigureGroup[] };
  timeline: Timeline;
  notices: string[];
}

/**
 * A profile (parties, topics, lexicons) as the JSON that `factgrid profile`
 * prints, as an object or a JSON string. An invalid profile is an error
 * that names the bad entry.
 */
export type Profile = { [key: string]: unknown } | string;

/** The widget's panels. */
export type Panel = 'input' | 'grid' | 'article' | 'figures';

/** `auto` follows the reader's system setting. */
export type Theme = 'auto' | 'light' | 'dark';

/** Options of {@link mount} and {@link FactGridHandle.update}. */
export interface MountOptions {
  /** The text to analyse (default: empty). */
  text?: string;
  /** A profile; `null` goes back to the built-in one. */
  profile?: Profile | null;
  /** The panels to show (default: all four). */
  panels?: Panel[];
  /** Default `auto`. */
  theme?: Theme;
  /**
   * The language to read the text in. `auto` (the default) detects it
   * from the text's letters; the report's `language` says which was read.
   */
  lang?: LanguageChoice;
  /**
   * The language of the widget's own words (headings, buttons, stance
   * names, the built-in parties' and topics' labels, messages). `auto`
   * (the default): the article's when it is Russian or Ukrainian, else
   * the browser's (`navigator.language`) when it is one of the three,
   * else English.
   */
  uiLang?: LanguageChoice;
  /** Hide the text box. */
  readonly?: boolean;
  /** Keep the text in `localStorage` between visits (default `false`). */
  persist?: boolean;
  /** Called with each new report. */
  onReport?: (report: Report) => void;
  /**
   * URL of `factgrid.css`. Default: beside `embed.js` (resolved with
   * `import.meta.url`); set it when a bundler puts the file elsewhere.
   */
  stylesheet?: string;
  /** URL of `worker.js`, which analyses texts over 256 KB off the main thread. Default: beside `embed.js`. */
  workerUrl?: string;
  /** URL of the example article the widget offers. Default: beside `embed.js`. */
  exampleUrl?: string;
  /**
   * Articles to compare side by side (at mount): texts or `{ text, title,
   * outlet, date }`. The first goes in the text box; with two or more the
   * widget shows the comparison.
   */
  articles?: (string | ArticleInput)[];
  /**
   * Compact mode, for a widget beside the host's own article: the grid
   * and the figures only (no text box, article, evidence lists or
   * exports). With `onEvidence`, a cell's evidence is shown in the host's
   * article instead of repeated (see {@link highlightEvidence}).
   */
  compact?: boolean;
  /**
   * Compact mode: called with the words of the sentences to highlight
   * (a cell hovered or focused, or `[]` when left) and whether to bring
   * the first into view (the reader asked to see it).
   */
  onEvidence?: (sentences: string[], jump: boolean) => void;
}

/** A mounted widget. */
export interface FactGridHandle {
  /** Replace the text and analyse it. */
  setText(text: string): void;
  /** Change options; those not given stay. Throws on an invalid option. */
  update(options: MountOptions): void;
  /** Remove the widget and everything it added to the page. */
  destroy(): void;
}

/**
 * Render a widget into `element` (inside a shadow root). Rejects with an
 * error naming the option at fault.
 */
export function mount(element: Element, options?: MountOptions): Promise<FactGridHandle>;

/**
 * Highlight `sentences` (their words, as `onEvidence` gives them) where
 * they occur in `element`, the host's article, with the CSS Custom
 * Highlight API (`::highlight(factgrid-evidence)`; the host page's DOM is
 * not changed); `jump` brings the first into view. An empty list clears.
 */
export function highlightEvidence(element: Element, sentences: string[], jump?: boolean): void;

/**
 * Analyse `text` (in `lang`; default `auto`: the language it is written
 * in); resolves to the report (the same JSON as the command line's).
 * Rejects when `lang` is not one of {@link LanguageChoice}.
 */
export function analyze(text: string, profile?: Profile | null, lang?: LanguageChoice): Promise<Report>;

/**
 * Compare articles (texts, or `{ text, title, outlet, date }`; what is not
 * given is detected from each text); resolves to the engine's comparison
 * (the same JSON as `factgrid compare --format json`).
 */
export function compare(
  texts: (string | ArticleInput)[],
  profile?: Profile | null,
  lang?: LanguageChoice,
): Promise<Comparison>;

// ---------------------------------------------------------------------------
// The <fact-grid> element.

/**
 * The attributes of `<fact-grid>` (it has no properties of its own: in
 * React, Vue and Svelte these are set as attributes).
 */
export interface FactGridAttributes {
  /** A CSS selector of an element whose text is analysed; the widget follows its changes (implies `readonly`). */
  for?: string;
  /** The text to analyse, when there is no `for`. */
  text?: string;
  /** A profile as a JSON string. */
  profile?: string;
  theme?: Theme;
  /** Hide the text box (a boolean attribute: present or absent). */
  readonly?: boolean | '';
  /**
   * The language to read the text in (HTML's own attribute: a tag of
   * English, Russian or Ukrainian, such as `ru` or `uk-UA`, chooses it;
   * absent or any other, detected). See {@link MountOptions.lang}.
   */
  lang?: string;
  /** The language of the widget's own words, as `lang`; see {@link MountOptions.uiLang}. */
  'ui-lang'?: string;
  /**
   * Compact mode (a boolean attribute): the grid and the figures only; with
   * `for`, a cell's evidence is highlighted in that element instead of
   * repeated. See {@link MountOptions.compact}.
   */
  compact?: boolean | '';
}

/** `factgrid-report`: fired (bubbling, composed) with the report whenever the result changes. */
export type FactGridReportEvent = CustomEvent<Report>;

/**
 * The `<fact-grid>` element, defined when the package is imported.
 * Configure it with attributes ({@link FactGridAttributes}); it fires
 * `factgrid-report` ({@link FactGridReportEvent}).
 */
export interface FactGridElement extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    'fact-grid': FactGridElement;
  }
  // The event bubbles out of the element and its shadow root, so a page
  // can listen on any ancestor, `document` or `window`.
  interface GlobalEventHandlersEventMap {
    'factgrid-report': FactGridReportEvent;
  }
}

// Sipp's words, for briefings, `sipp analyse` and messages alike: dates in words, numbers to sensible decimals
// with a real minus sign, lists, and labels for the schemas' codes.
// Done by hand rather than with Intl, so that output never depends on the ICU data Node was built with.
import type { Answer } from './render/types.js';

export const NOT_RECORDED = 'Not yet recorded';

/** GSS shorthand (domain.md, "Statistical disclosure control"). */
export const MARKER = { confidential: '[c]', notAvailable: '[x]' } as const;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2025-09-15` -> `15 September 2025`; anything else is returned as written. */
export function dateInWords(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || month === undefined) return date;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** True when an answer holds something: not absent, null or blank text. */
export function isGiven(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

/** A free-text answer ready to print: its lines as paragraphs, or "Not yet recorded". */
export function answer(value: string | null | undefined): Answer {
  if (!isGiven(value)) return { recorded: false, text: NOT_RECORDED, paragraphs: [NOT_RECORDED] };
  const paragraphs = (value as string)
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line !== '');
  return { recorded: true, text: paragraphs.join(' '), paragraphs };
}

export function dateAnswer(value: string | null | undefined): Answer {
  return answer(isGiven(value) ? dateInWords((value as string).trim()) : null);
}

/** `a`, `a and b`, `a, b and c`. */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Upper-cases the first letter: requirement labels are written to follow "missing:". */
export function sentenceCase(text: string): string {
  return text.replace(/^(["'“]?)(\p{Ll})/u, (_, quote: string, letter: string) => quote + letter.toUpperCase());
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-11-03` -> `3 Nov 2025`; anything else is returned as written. */
export function shortDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = match ? SHORT_MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || month === undefined) return date;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/**
 * Rounds half away from zero to `decimals` places, never giving -0. Symmetric, so that -x is reported as minus
 * what x is (Math.round alone rounds -0.5 up to -0: swapping two groups would then change more than a sign).
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** Decimals to print a set of figures with: as many as they were written with, at least `min`, at most 2. */
export function decimalsFor(values: readonly (number | null | undefined)[], min = 1): number {
  let most = min;
  for (const value of values) {
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const [, fraction = ''] = String(value).split('.');
    most = Math.max(most, Math.min(fraction.length, 2));
  }
  return most;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers


/**
 * A number to fixed decimals with U+2212 for a minus sign, never "-0.0"; with thousands separators unless
 * `grouped` is false (analysis output, where figures are read back as numbers).
 */
export function formatNumber(value: number, decimals: number, grouped = true): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const negative = value < 0 && Number(fixed) !== 0;
  const [whole = '0', fraction] = fixed.split('.');
  const digits = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${negative ? '\u2212' : ''}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** A change with its sign: `+3.1`, `\u22120.4`, `0.0`. */
export function formatChange(value: number, decimals: number, grouped = true): string {
  const text = formatNumber(value, decimals, grouped);
  return Number(Math.abs(value).toFixed(decimals)) === 0 || value < 0 ? text : `+${text}`;
}

export function formatCount(value: number): string {
  return formatNumber(value, 0);
}

/** A percentage, 0-100, to one decimal: `30.9%`. */
export function formatPercent(value: number): string {
  return `${formatNumber(value, 1)}%`;
}

// ---------------------------------------------------------------------------------------------------------
// Labels for the schemas' codes

const STAGE_LABELS: Record<string, string> = {
  question: 'Question (stage 1 of 5)',
  baseline: 'Baseline (stage 2 of 5)',
  intervention: 'Intervention (stage 3 of 5)',
  measures: 'Measures and results (stage 4 of 5)',
  reflections: 'Reflections (stage 5 of 5)',
  complete: 'Complete',
};

/** The stage a cycle is at, in words. */
export function stageLabel(stage: string | null): string {
  return stage === null ? 'Not known' : (STAGE_LABELS[stage] ?? stage);
}

const CFE_LABELS: Record<string, string> = {
  early: 'Early',
  first: 'First',
  second: 'Second',
  third: 'Third',
  fourth: 'Fourth',
  'senior-phase': 'Senior phase',
};

export function cfeLevelLabel(level: string): string {
  return CFE_LABELS[level] ?? level;
}

const SECTOR_LABELS: Record<string, string> = {
  'early-learning-and-childcare': 'Early learning and childcare',
  primary: 'Primary',
  secondary: 'Secondary',
  special: 'Special',
  'all-through': 'All-through',
};

export function sectorLabel(sector: string | null | undefined): string {
  return sector ? (SECTOR_LABELS[sector] ?? sector) : '';
}

const ROLE_LABELS: Record<string, string> = {
  lead: 'Lead',
  member: 'Member',
  facilitator: 'Facilitator',
  researcher: 'Researcher',
};

export function teamRoleLabel(role: string | null | undefined): string {
  return role ? (ROLE_LABELS[role] ?? role) : '';
}

const MARKER_LABELS: Record<string, string> = {
  'simd-quintile': 'SIMD quintile (where learners live)',
  'free-school-meals': 'Registered for free school meals',
  'care-experienced': 'Care-experienced',
  'additional-support-needs': 'Additional support needs',
  eal: 'English as an additional language',
  'young-carer': 'Young carers',
  other: 'Other (see the description)',
};

export function equityMarkerLabel(marker: string | null | undefined): string | null {
  return marker ? (MARKER_LABELS[marker] ?? marker) : null;
}

const FIDELITY_LABELS: Record<string, string> = {
  'as-planned': 'As planned',
  adapted: 'Adapted',
  partial: 'Partly delivered',
};

export function fidelityLabel(fidelity: string | null | undefined): string | null {
  return fidelity ? (FIDELITY_LABELS[fidelity] ?? fidelity) : null;
}

const DECISION_LABELS: Record<string, string> = {
  adopt: 'Adopt: keep the change',
  adapt: 'Adapt: change it and test again',
  abandon: 'Abandon: stop the change',
  scale: 'Scale: spread it to more classes or schools',
  continue: 'Continue: keep testing it as it is',
};

export function decisionLabel(decision: string | null | undefined): string | null {
  return decision ? (DECISION_LABELS[decision] ?? decision) : null;
}

const MEASURE_TYPE_LABELS: Record<string, string> = {
  outcome: 'Outcome',
  process: 'Process',
  balancing: 'Balancing',
  qualitative: 'Qualitative',
};

export function measureTypeLabel(type: string | null | undefined): string {
  return type ? (MEASURE_TYPE_LABELS[type] ?? type) : NOT_RECORDED;
}

const AUDIENCE_LABELS: Record<string, string> = {
  school: 'School',
  cluster: 'Cluster',
  partnership: 'Partnership',
  'local-authority': 'Local authority',
  network: 'Network',
  learners: 'Learners',
  parents: 'Parents and carers',
};

export function audienceLabel(audience: string): string {
  return AUDIENCE_LABELS[audience] ?? audience;
}

const GROUP_ROLE_LABELS: Record<string, string> = {
  intervention: 'Intervention',
  comparison: 'Comparison',
  all: 'All',
};

export function groupRoleLabel(role: string | null | undefined): string {
  return role ? (GROUP_ROLE_LABELS[role] ?? role) : '';
}

export function directionLabel(higherIsBetter: boolean | null | undefined): string {
  if (higherIsBetter === true) return 'Higher is better';
  if (higherIsBetter === false) return 'Lower is better';
  return 'No better direction';
}

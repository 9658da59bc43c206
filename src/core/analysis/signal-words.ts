// Chart signals as a teacher would say them, shared by `sipp analyse`, report warnings and chart text alternatives.
import { listInWords, shortDate } from '../words.js';
import type { SignalReport } from './report-types.js';

/** `3 Nov 2025`, `point 4` when the point has no date. */
function when(date: string | null, index: number): string {
  return date === null ? `point ${index + 1}` : shortDate(date);
}

function span(signal: SignalReport): string {
  if (signal.fromIndex === signal.toIndex) return `on ${when(signal.from, signal.fromIndex)}`;
  return `from ${when(signal.from, signal.fromIndex)} to ${when(signal.to, signal.toIndex)}`;
}

function meaning(signal: SignalReport): string {
  if (signal.direction === 'improvement') return ' (an improvement)';
  if (signal.direction === 'concern') return ' (a concern)';
  return '';
}

/**
 * A chart signal in a sentence, e.g. "6 points in a row above the median from 3 Nov 2025 to 12 Jan 2026: a
 * shift (an improvement)". `chart` says whose signal it is: a run chart's (about the median) or an XmR
 * chart's (about the mean, where each point is labelled by the first rule that flags it, so a shift or trend
 * may be listed in pieces).
 */
export function signalSentence(signal: SignalReport, chart: 'run' | 'xmr'): string {
  const points = `${signal.points} point${signal.points === 1 ? '' : 's'}`;
  const above = signal.side === 'above' || signal.side === 'up';
  const side = above ? 'above' : 'below';
  const they = signal.points === 1 ? 'it is' : 'they are';
  switch (signal.type) {
    case 'shift':
      return chart === 'run'
        ? `${points} in a row ${side} the median ${span(signal)}: a shift${meaning(signal)}`
        : `${points} ${span(signal)}: ${they} part of a run of 7 or more points ${side} the mean, a shift${meaning(signal)}`;
    case 'trend':
      return chart === 'run'
        ? `${points} in a row going ${above ? 'up' : 'down'} ${span(signal)}: a trend${meaning(signal)}`
        : `${points} ${span(signal)}: ${they} part of 7 or more points in a row going ${above ? 'up' : 'down'}, a trend${meaning(signal)}`;
    case 'long-run':
      return `${points} in a row ${side} the median ${span(signal)}: a longer run than chance would explain${meaning(signal)}`;
    case 'few-crossings':
      return 'The points cross the median less often than chance would explain (few crossings): something has probably changed';
    case 'too-few-runs':
      return 'Fewer runs above and below the median than chance would explain (too few runs): something has probably changed';
    case 'too-many-runs':
      return 'More runs above and below the median than chance would explain (too many runs): the points may come from different sources';
    case 'outside-limits':
      return `${points} ${side} the ${above ? 'upper' : 'lower'} process limit ${span(signal)}: outside the limits${meaning(signal)}`;
    case 'two-of-three':
      return `${points} near the ${above ? 'upper' : 'lower'} process limit ${span(signal)}: two of three points close to a limit${meaning(signal)}`;
  }
}

const XMR_LABELS: Record<string, string> = {
  'outside-limits': 'Outside the process limits',
  trend: 'Part of 7 or more points in a row going one way (a trend)',
  'two-of-three': 'Two of three points near a process limit',
  shift: 'Part of a run of 7 or more points on one side of the mean (a shift)',
};
const XMR_ORDER = ['outside-limits', 'trend', 'two-of-three', 'shift'] as const;

/**
 * An XmR chart's signals in a few lines, one per kind, with their dates grouped by what they mean: "Outside the
 * process limits: 1 Sep 2025 and 29 Sep 2025 (a concern); 26 Jan 2026 (an improvement)". XmR signals label
 * single points (by the first rule that flags each), so a list per kind reads better than one line per point.
 */
export function xmrSignalLines(signals: readonly SignalReport[]): string[] {
  return XMR_ORDER.flatMap((type) => {
    const of = signals.filter((s) => s.type === type);
    if (of.length === 0) return [];
    const directions = [...new Set(of.map((s) => s.direction))];
    const parts = directions.map((direction) => {
      const spans = of
        .filter((s) => s.direction === direction)
        .map((s) =>
          s.fromIndex === s.toIndex
            ? when(s.from, s.fromIndex)
            : `${when(s.from, s.fromIndex)} to ${when(s.to, s.toIndex)}`,
        );
      const what = direction === 'improvement' ? ' (an improvement)' : direction === 'concern' ? ' (a concern)' : '';
      return `${listInWords(spans)}${what}`;
    });
    return [`${XMR_LABELS[type]}: ${parts.join('; ')}`];
  });
}

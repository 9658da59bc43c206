// Dated events drawn on series charts as labelled vertical rules: when the intervention started and ended,
// each adaptation from intervention.yaml, and each rebase of the chart.

import type { InterventionRecord } from '../../records/model.js';
import type { SeriesReport } from '../../analysis/report-types.js';
import { shortDate } from '../../words.js';

export interface ChartEvent {
  date: string;
  /** Short label drawn on the chart, e.g. "Start", "Adaptation 2". */
  label: string;
  /** The event in words, for the caption: "Adaptation 2 (17 Nov 2025): added book talk …". */
  detail: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The intervention's start, adaptations and end, in date order. */
export function interventionEvents(intervention: InterventionRecord | undefined): ChartEvent[] {
  if (!intervention) return [];
  const events: ChartEvent[] = [];
  if (typeof intervention.start === 'string' && DATE.test(intervention.start)) {
    events.push({
      date: intervention.start,
      label: 'Start',
      detail: `The intervention started on ${shortDate(intervention.start)}.`,
    });
  }
  (intervention.adaptations ?? []).forEach((a, i) => {
    if (typeof a.date !== 'string' || !DATE.test(a.date)) return;
    const reason = typeof a.reason === 'string' && a.reason.trim() !== '' ? ` (${oneLine(a.reason)})` : '';
    events.push({
      date: a.date,
      label: `Adaptation ${i + 1}`,
      detail: `Adaptation ${i + 1}, ${shortDate(a.date)}: ${oneLine(a.change)}${reason}`,
    });
  });
  if (typeof intervention.end === 'string' && DATE.test(intervention.end)) {
    events.push({
      date: intervention.end,
      label: 'End',
      detail: `The intervention ended on ${shortDate(intervention.end)}.`,
    });
  }
  return events.sort((a, b) => a.date.localeCompare(b.date));
}

/** Rebases of a series (every segment after the first), as events. */
export function rebaseEvents(series: SeriesReport): ChartEvent[] {
  return series.segments.flatMap((segment) =>
    segment.rebase && segment.from
      ? [
          {
            date: segment.from,
            label: 'Rebase',
            detail: `Rebased from ${shortDate(segment.from)}: ${oneLine(segment.rebase.reason)}`,
          },
        ]
      : [],
  );
}

/** Events on or between the first and last date of a series: the ones its chart can show. */
export function eventsWithin(events: readonly ChartEvent[], first: string, last: string): ChartEvent[] {
  return events.filter((e) => e.date >= first && e.date <= last);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// The view model of the network briefing (sipp network brief): the members, a forest plot and words per pooled
// measure, the equity gaps, the decisions, the track record, and each member's latest learning quoted from its
// reflections with the member and cycle named. Pure and deterministic: the same members give the same briefing.
import type { MemberFacts, NetworkAnalysis } from '../network/analyse.js';
import { chartView } from './chart-views.js';
import type { Chart } from './charts/types.js';
import { GAPS_CHART_ID } from './charts/gaps.js';
import type { NetworkBriefing } from './types.js';
import { formatNumber } from '../words.js';
import { trackRecordSummary } from '../predictions/track-record.js';

/** The file name (without extension) of the network briefing, and of the folder of its charts. */
export const NETWORK_BRIEFING = 'network';

const f = (x: number): string => formatNumber(x, 2, false);

export function networkBriefing(
  title: string,
  analysis: NetworkAnalysis,
  members: readonly MemberFacts[],
  charts: readonly Chart[],
  threshold: number,
): NetworkBriefing {
  return {
    kind: 'network',
    heading: title,
    documentTitle: `Network · ${title}`,
    members: analysis.members.map((m) => ({
      name: m.name,
      partnership: m.partnership ?? `not pulled (${m.source})`,
      schools: m.schools.join(', ') || '–',
      localAuthorities: m.localAuthorities.join(', ') || '–',
      cycles: m.cycles,
      latestStage: m.latestStage ?? '–',
      lastCommit: m.lastCommit?.slice(0, 10) ?? '–',
      records:
        m.lastCommit === null
          ? 'not pulled'
          : m.problems === 0
            ? 'valid'
            : `${m.problems} problem${m.problems === 1 ? '' : 's'}${m.leftOut.length > 0 ? `: ${m.leftOut.join(', ')} left out` : ''}`,
    })),
    measures: analysis.measures.map((m) => {
      const chart = charts.find((c) => c.id === `${m.id}-${m.basis}-forest`);
      const p = m.pooled;
      return {
        id: m.id,
        basis:
          m.basis === 'comparison' ? 'against a comparison group (Hedges\u2019 g)' : 'pre-post standardised change',
        studies: m.studies.map((s) => ({
          label: `${s.member} · ${s.cycle}`,
          effect: f(s.g),
          interval: s.ci95 ? `${f(s.ci95[0])} to ${f(s.ci95[1])}` : 'none',
          n: s.n.filter((x): x is number => x !== null).join(' and ') || '–',
        })),
        pooled: p
          ? `Pooled over ${m.k} cycles (${p.estimator.toUpperCase()}): ${f(p.estimate)}, 95% confidence interval ${f(p.ci95[0])} to ${f(p.ci95[1])}${p.predictionInterval ? `; a new cycle like these would be expected between ${f(p.predictionInterval[0])} and ${f(p.predictionInterval[1])} (95% prediction interval)` : ''}. τ² = ${p.tau2.toFixed(3)}, I² = ${(p.i2 * 100).toFixed(0)}%, Q = ${p.q.toFixed(2)} with ${p.df} degree${p.df === 1 ? '' : 's'} of freedom.`
          : null,
        heterogeneity: p ? heterogeneityWords(p.i2, p.q, p.df) : null,
        chart: chart ? chartView(chart, NETWORK_BRIEFING) : null,
        notes: [...m.notes],
      };
    }),
    gaps: {
      chart: ((c) => (c ? chartView(c, NETWORK_BRIEFING) : null))(charts.find((c) => c.id === GAPS_CHART_ID)),
      summary:
        analysis.gaps.cycles.length === 0
          ? 'No cycle has an equity gap at both baseline and follow-up yet.'
          : `Of ${analysis.gaps.cycles.length} gaps measured at baseline and follow-up, ${analysis.gaps.narrowed} narrowed, ${analysis.gaps.widened} widened and ${analysis.gaps.unchanged} stayed the same.`,
      rows: analysis.gaps.cycles.map((g) => ({
        member: g.member,
        cycle: g.cycle,
        measure: g.measure,
        baseline: f(g.baseline),
        followUp: f(g.followUp),
        change: g.change,
      })),
    },
    decisions: analysis.decisions,
    predictions: trackRecordSummary({ counts: analysis.predictions }),
    learning: members.flatMap((member) => (member.learning ? [{ member: member.name, ...member.learning }] : [])),
    disclosure: `Only figures each partnership shows enter this briefing: a group of fewer than ${threshold} learners (and any figure that would let one be worked out) is hidden in the member's own briefings and gives no effect size here.`,
  };
}

/** Heterogeneity in plain words (the network briefing and `sipp network analyse`). */
export function heterogeneityWords(i2: number, q: number, df: number): string {
  if (q <= df || i2 < 0.25)
    return 'The cycles agree about as well as chance alone would allow: the pooled figure is a fair summary.';
  if (i2 < 0.5)
    return 'The cycles disagree a little more than chance would explain: read the pooled figure with the spread.';
  return 'The cycles disagree more than chance would explain: look at what differed between them before trusting one pooled figure.';
}

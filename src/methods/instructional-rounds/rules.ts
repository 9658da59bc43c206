// What `sipp validate` checks in a Rounds cycle beyond the schemas: references between the records, the five
// checks of the problem of practice, the debrief's order (describe -> analyse -> predict -> next level of work),
// the "if ... then ..." theory of action, and notes that are low-inference and name nobody.
import { isScalar } from 'yaml';
import type { Problem } from '../kit.js';
import { positionOf, positionOfOffset, type PathSegment, type SourceFile } from '../kit.js';
import { closestMatch } from '../kit.js';
import { listInWords } from '../kit.js';
import type { CycleData } from '../kit.js';
import { evaluativeWords, personNames, placeWords, type Found } from './notes.js';
import {
  CHECKS,
  DEBRIEF,
  PHASES,
  ROUNDS,
  TIMEFRAMES,
  VISITS,
  hasText,
  roundsRecords,
  written,
  type DebriefRecord,
  type RoundsRecord,
  type Visit,
  type VisitsRecord,
} from './records.js';
import { problemAt as problem } from '../kit.js';

export function roundsRules(cycle: CycleData): Problem[] {
  const { rounds, visits, debrief } = roundsRecords(cycle);
  const file = (name: string): SourceFile | undefined => cycle.source.records.get(name);
  const roundsFile = rounds && file(ROUNDS);
  const visitsFile = visits && file(VISITS);
  const debriefFile = debrief && file(DEBRIEF);
  const known = placeWords([
    rounds?.network?.name,
    rounds?.hostSchool,
    ...(rounds?.network?.schools ?? []),
    ...(rounds?.network?.agencies ?? []),
    ...(rounds?.network?.members ?? []).map((m) => m.organisation),
    ...(visits?.visits ?? []).flatMap((v) => [v.school, ...(v.classrooms ?? []).map((c) => c.subject)]),
  ]);
  return [
    ...(roundsFile && rounds ? roundsProblems(roundsFile, rounds) : []),
    ...(visitsFile && visits ? visitProblems(visitsFile, visits, rounds, known) : []),
    ...(debriefFile && debrief ? debriefProblems(debriefFile, debrief, visits, known) : []),
  ];
}

// --- rounds.yaml ---------------------------------------------------------------------------------------------

function roundsProblems(file: SourceFile, rounds: RoundsRecord): Problem[] {
  const problems: Problem[] = [];
  const schools = rounds.network?.schools ?? [];
  if (hasText(rounds.hostSchool) && !schools.includes(rounds.hostSchool)) {
    problems.push(problem(file, ['hostSchool'], notInNetwork(rounds.hostSchool, schools), 'rounds-school'));
  }
  problems.push(...checkProblems(file, rounds));
  if (hasText(rounds.theoryOfAction) && !/\bif\b[\s\S]*\bthen\b/i.test(rounds.theoryOfAction)) {
    problems.push(
      problem(
        file,
        ['theoryOfAction'],
        'The theory of action does not read "if ... then ...". Write it as: If we (what the adults will do), then (what learners will do and learn). The visits test it.',
        'theory-of-action',
        'warning',
      ),
    );
  }
  return problems;
}

/** Once the problem of practice is written, each of its five checks needs an answer and a reason. */
function checkProblems(file: SourceFile, rounds: RoundsRecord): Problem[] {
  const pop = rounds.problemOfPractice;
  if (!hasText(pop?.statement)) return [];
  if (CHECKS.every((check) => !pop?.checks?.[check.name]?.answer)) {
    return [
      problem(
        file,
        ['problemOfPractice', 'checks'],
        `The problem of practice is written, but none of its five checks is answered yet (${listInWords(CHECKS.map((c) => c.label))}). Under \`checks\`, write \`answer: yes\` or \`answer: no\` for each, with a short reason under \`why\`: \`sipp guide instructional-rounds\` explains them.`,
        'problem-of-practice-checks',
        'error',
        'key',
      ),
    ];
  }
  const problems: Problem[] = [];
  for (const check of CHECKS) {
    const given = pop?.checks?.[check.name];
    const path = ['problemOfPractice', 'checks', check.name];
    if (!given?.answer) {
      problems.push(
        problem(
          file,
          given ? [...path, 'answer'] : path,
          `The problem of practice has no answer yet to the check "${check.label}": ${check.question} Write \`answer: yes\` or \`answer: no\`, and a short reason under \`why\`.`,
          'problem-of-practice-checks',
          'error',
          'key',
        ),
      );
    } else if (!hasText(given.why)) {
      problems.push(
        problem(
          file,
          [...path, 'why'],
          `The check "${check.label}" is answered ${given.answer} without a reason. Add a short reason under \`why\`, so that the network can come back to it.`,
          'problem-of-practice-checks',
          'error',
          'key',
        ),
      );
    } else if (given.answer === 'no') {
      problems.push(
        problem(
          file,
          [...path, 'answer'],
          `The network answered no to the check "${check.label}" (${check.question}). A problem of practice should pass all five checks: rework it until it does, or the visits may not give the school the evidence it needs.`,
          'problem-of-practice-check-no',
          'warning',
        ),
      );
    }
  }
  return problems;
}

function notInNetwork(school: string, schools: readonly string[]): string {
  if (schools.length === 0) {
    return `${school} is not one of the network's schools: rounds.yaml lists none yet. Add it under \`network.schools\` in rounds.yaml.`;
  }
  const near = closestMatch(school, schools);
  const advice = near
    ? `Did you mean ${near}?`
    : 'Use the name as it is written there, or add the school to the network.';
  return `${school} is not one of the network's schools in rounds.yaml (${listInWords(schools)}). ${advice}`;
}

// --- visits.yaml ---------------------------------------------------------------------------------------------

function visitProblems(
  file: SourceFile,
  visits: VisitsRecord,
  rounds: RoundsRecord | undefined,
  known: ReadonlySet<string>,
): Problem[] {
  return (visits.visits ?? []).flatMap((visit, i) => [
    ...networkReferenceProblems(file, visit, i, rounds),
    ...classroomProblems(file, visit, i),
    ...(visit.classrooms ?? []).flatMap((classroom, j) =>
      hasText(classroom.activity)
        ? nameProblems(file, ['visits', i, 'classrooms', j, 'activity'], classroom.activity, known)
        : [],
    ),
    ...(visit.observations ?? []).flatMap((observation, j) =>
      (observation.notes ?? []).flatMap((note, k) => {
        const path = ['visits', i, 'observations', j, 'notes', k];
        return [...judgementProblems(file, path, note), ...nameProblems(file, path, note, known)];
      }),
    ),
  ]);
}

/** A visit's school and observers are those of the network in rounds.yaml (when rounds.yaml can be trusted). */
function networkReferenceProblems(
  file: SourceFile,
  visit: Visit,
  i: number,
  rounds: RoundsRecord | undefined,
): Problem[] {
  if (!rounds) return [];
  const problems: Problem[] = [];
  const schools = rounds.network?.schools ?? [];
  if (hasText(visit.school) && !schools.includes(visit.school)) {
    problems.push(problem(file, ['visits', i, 'school'], notInNetwork(visit.school, schools), 'rounds-school'));
  }
  const members = (rounds.network?.members ?? []).map((m) => m.name);
  (visit.observers ?? []).forEach((observer, k) => {
    if (members.includes(observer)) return;
    const near = closestMatch(observer, members);
    const message =
      members.length === 0
        ? `${observer} is not one of the network's members: rounds.yaml lists none yet. Add them under \`network.members\` in rounds.yaml.`
        : `${observer} is not one of the network's members in rounds.yaml. ${near ? `Did you mean ${near}?` : 'Use the name as it is written there, or add them under `network.members`.'}`;
    problems.push(problem(file, ['visits', i, 'observers', k], message, 'rounds-observer'));
  });
  return problems;
}

/** Classroom codes are unique within a visit, and every observation names one of them. */
function classroomProblems(file: SourceFile, visit: Visit, i: number): Problem[] {
  const problems: Problem[] = [];
  const codes: string[] = [];
  (visit.classrooms ?? []).forEach((classroom, j) => {
    if (codes.includes(classroom.code)) {
      problems.push(
        problem(
          file,
          ['visits', i, 'classrooms', j, 'code'],
          `The classroom code ${classroom.code} is used twice in this visit. Give each classroom its own code, so that every note belongs to one classroom.`,
          'rounds-classroom',
        ),
      );
    } else {
      codes.push(classroom.code);
    }
  });
  (visit.observations ?? []).forEach((observation, j) => {
    if (codes.includes(observation.classroom)) return;
    const sameLetters = codes.find((c) => c.toLowerCase() === observation.classroom.toLowerCase());
    const message =
      codes.length === 0
        ? `Classroom ${observation.classroom} is not one of this visit's classrooms: the visit lists none yet. Add it under \`classrooms\` of this visit, with its stage and subject.`
        : `Classroom ${observation.classroom} is not one of this visit's classrooms (${listInWords(codes)}). ${sameLetters ? `Did you mean ${sameLetters}?` : 'Add it under `classrooms` of this visit, or correct the code.'}`;
    problems.push(problem(file, ['visits', i, 'observations', j, 'classroom'], message, 'rounds-classroom'));
  });
  return problems;
}

// --- debrief.yaml --------------------------------------------------------------------------------------------

function debriefProblems(
  file: SourceFile,
  debrief: DebriefRecord,
  visits: VisitsRecord | undefined,
  known: ReadonlySet<string>,
): Problem[] {
  const problems = [...phaseOrderProblems(file, debrief), ...phaseGapProblems(file, debrief)];
  const firstVisit = (visits?.visits ?? [])
    .map((v) => v.date)
    .filter(hasText)
    .sort()[0];
  if (hasText(debrief.date) && firstVisit && debrief.date < firstVisit) {
    problems.push(
      problem(
        file,
        ['date'],
        `The debrief is dated ${debrief.date}, before the first visit (${firstVisit} in visits.yaml). The network debriefs after it visits: check both dates.`,
        'date-order',
      ),
    );
  }
  for (const phase of PHASES) {
    (debrief[phase] ?? []).forEach((entry, i) => {
      const path = [phase, i];
      // The describe phase is evidence, so it is held to the same low-inference standard as the notes.
      if (phase === 'describe') problems.push(...judgementProblems(file, path, entry));
      problems.push(...nameProblems(file, path, entry, known));
    });
  }
  return problems;
}

/** The phases in the file are in protocol order: describe, analyse, predict. */
function phaseOrderProblems(file: SourceFile, debrief: DebriefRecord): Problem[] {
  const order = Object.keys(debrief).filter((k): k is (typeof PHASES)[number] =>
    (PHASES as readonly string[]).includes(k),
  );
  for (let i = 1; i < order.length; i++) {
    const phase = order[i] as (typeof PHASES)[number];
    const earlier = order.slice(0, i).find((p) => PHASES.indexOf(p) > PHASES.indexOf(phase));
    if (earlier) {
      return [
        problem(
          file,
          [phase],
          `\`${phase}\` comes after \`${earlier}\` in the debrief. The debrief runs in order: describe, then analyse, then predict. Move \`${phase}\` above \`${earlier}\`.`,
          'debrief-order',
          'error',
          'key',
        ),
      ];
    }
  }
  return [];
}

const STEP_ADVICE: Record<(typeof PHASES)[number], string> = {
  describe: 'Describe first: what observers saw and heard, without judgements.',
  analyse: 'Analyse first: the patterns in the evidence, each with examples from the classrooms.',
  predict:
    'Predict first: if you were a learner in these classrooms and did everything you were asked, what would you know and be able to do?',
};

/** No step is written while an earlier one is empty: describe -> analyse -> predict -> next level of work. */
function phaseGapProblems(file: SourceFile, debrief: DebriefRecord): Problem[] {
  const steps = [
    ...PHASES.map((phase) => ({
      key: phase,
      name: `${phase === 'analyse' ? 'an' : 'a'} \`${phase}\` phase`,
      done: written(debrief[phase]).length > 0,
    })),
    {
      key: 'nextLevelOfWork',
      name: 'a next level of work',
      done: TIMEFRAMES.some((t) => written(debrief.nextLevelOfWork?.[t.name]).length > 0),
    },
  ];
  const empty = steps.findIndex((s) => !s.done);
  const later = steps.slice(empty + 1).find((s) => s.done);
  const missing = PHASES[empty];
  if (empty < 0 || !later || !missing) return [];
  return [
    problem(
      file,
      [later.key],
      `The debrief has ${later.name} but no \`${missing}\` phase yet. ${STEP_ADVICE[missing]}`,
      'debrief-order',
      'error',
      'key',
    ),
  ];
}

// --- notes -----------------------------------------------------------------------------------------------------

function judgementProblems(file: SourceFile, path: readonly PathSegment[], note: string): Problem[] {
  const found = evaluativeWords(note);
  const [first] = found;
  if (!first) return [];
  const words = [...new Set(found.map((f) => `"${f.text}"`))];
  const what = words.length === 1 ? `${words[0]}, a judgement` : `${listInWords(words)}, which are judgements`;
  return [
    problemInText(
      file,
      path,
      note,
      first,
      `This note uses ${what}. Rounds notes are low-inference: they record what teachers and learners said and did, so that the debrief starts from evidence everyone can check. Write what you saw or heard instead, for example the words used or how many learners did it.`,
      'low-inference',
    ),
  ];
}

function nameProblems(
  file: SourceFile,
  path: readonly PathSegment[],
  note: string,
  known: ReadonlySet<string>,
): Problem[] {
  const found = personNames(note, known);
  const [first] = found;
  if (!first) return [];
  const names = listInWords([...new Set(found.map((f) => `"${f.text}"`))]);
  return [
    problemInText(
      file,
      path,
      note,
      first,
      `This note seems to name a person (${names}). Rounds notes are about the school's practice, never about individual teachers or learners: write "the teacher", "a learner" or the classroom code instead.`,
      'no-names',
    ),
  ];
}

/** A warning at the word found inside a note, so the editor's cursor lands on it (at the note when it cannot tell). */
function problemInText(
  file: SourceFile,
  path: readonly PathSegment[],
  note: string,
  found: Found,
  message: string,
  rule: string,
): Problem {
  const at = offsetInSource(file, path, note, found);
  const position = at === undefined ? positionOf(file, path) : positionOfOffset(file, at);
  return { file: file.file, line: position.line, column: position.column, message, rule, severity: 'warning' };
}

/**
 * Where `found` is in the file's text: the same occurrence of it in the scalar's source as in its value. Words
 * survive every YAML scalar style unchanged (plain, quoted, folded); only the white space between them may not.
 */
function offsetInSource(
  file: SourceFile,
  path: readonly PathSegment[],
  note: string,
  found: Found,
): number | undefined {
  const node = file.doc?.getIn(path, true);
  if (!isScalar(node) || !node.range) return undefined;
  const pattern = new RegExp(
    found.text
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+'),
    'g',
  );
  const nth = [...note.matchAll(pattern)].findIndex((m) => m.index === found.index);
  const [start, end] = node.range;
  const match = [...file.text.slice(start, end).matchAll(pattern)][Math.max(nth, 0)];
  return match === undefined ? undefined : start + match.index;
}

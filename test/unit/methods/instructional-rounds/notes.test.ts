// Reading Rounds notes: judgements and people's names are found, ordinary low-inference notes are left alone.
import { describe, expect, it } from 'vitest';
import { evaluativeWords, personNames, placeWords } from '../../../../src/methods/instructional-rounds/notes.js';

const words = (note: string): string[] => evaluativeWords(note).map((f) => f.text);
const names = (note: string, known?: Set<string>): string[] => personNames(note, known).map((f) => f.text);

describe('evaluativeWords', () => {
  it('finds the judgements the Rounds literature warns about, as whole words in any case', () => {
    expect(words('Good questioning from the teacher.')).toEqual(['Good']);
    expect(words('An excellent plenary; weak transitions and POOR pace.')).toEqual(['excellent', 'weak', 'POOR']);
    expect(words('Learners were brilliant, the starter was great and the task went poorly.')).toEqual([
      'brilliant',
      'great',
      'poorly',
    ]);
  });

  it('gives the position of each word in the note', () => {
    expect(evaluativeWords('A lovely lesson')).toEqual([{ text: 'lovely', index: 2 }]);
  });

  it('leaves other words that contain them alone', () => {
    expect(words('Learners say goodbye; the teacher uses Goodwin tables; a weakness list is on the wall.')).toEqual([]);
    expect(words('Learners badge their work; 12 poorer-looking jotters')).toEqual([]);
  });

  it('leaves quoted speech alone: a note records what was said', () => {
    expect(words('T says "Good answer" to the table by the door.')).toEqual([]);
    expect(words('T: “That’s excellent thinking.” Learner writes it down.')).toEqual([]);
    expect(words("T says 'great' twice, then 'good job'.")).toEqual([]);
    expect(words('T says "Good" and the task is good.')).toEqual(['good']);
  });

  it('does not take an apostrophe for a quotation mark', () => {
    expect(words("Learners' answers are good and the teacher's board is full.")).toEqual(['good']);
  });

  it('finds nothing in low-inference notes', () => {
    for (const note of [
      '14 of 24 learners talk with a partner during the minute; 10 write on their boards without talking.',
      'T asks "How do you know?" 6 times in 15 minutes.',
      'Learner: "x is 4 every time, so none is odd."',
    ]) {
      expect(words(note), note).toEqual([]);
    }
  });
});

describe('personNames', () => {
  it('finds a title followed by a capitalised word, anywhere in the note', () => {
    expect(names('Mrs Smith asks the class to stand.')).toEqual(['Mrs Smith']);
    expect(names('The pair near Mr. Brown write nothing.')).toEqual(['Mr. Brown']);
    expect(names("Learners hand jotters to Ms McLeod and Dr O'Neill.")).toEqual(['Ms McLeod', "Dr O'Neill"]);
    expect(names('Miss Khan writes the date.')).toEqual(['Miss Khan']);
  });

  it('finds two capitalised words in a row that do not start a sentence', () => {
    expect(names('T asks Jack Smith to read his answer.')).toEqual(['Jack Smith']);
    expect(names('Two learners, Amy Reid and Liam Ross, share a sheet.')).toEqual(['Amy Reid', 'Liam Ross']);
    expect(names('The learner next to Sophie Anne-Marie Brown waits.')).toEqual(['Sophie Anne-Marie']);
  });

  it('gives the position of each name in the note', () => {
    expect(personNames('T asks Jack Smith.')).toEqual([{ text: 'Jack Smith', index: 7 }]);
  });

  it('does not count a pair that starts a sentence or follows a quotation mark', () => {
    expect(names('Show Me boards are used by 20 of 24 learners.')).toEqual([]);
    expect(names('Learners start. Exit Tickets are collected at the door.')).toEqual([]);
    expect(names('T says "Right Then" and claps twice.')).toEqual([]);
  });

  it('does not count subjects, curriculum words, months, tools or a lone title', () => {
    for (const note of [
      'Learners in S2 Modern Studies and Home Economics use Google Classroom.',
      'Task is from the Third Level Benchmarks for Numeracy and Mathematics.',
      'Date on the board: Wednesday November 12.',
      'The Pupil Equity Fund resources are on the Learning Rounds shelf.',
      'Learners miss the first Mrs',
    ]) {
      expect(names(note), note).toEqual([]);
    }
  });

  it("does not count the names of the project's own schools and services", () => {
    const known = placeWords(['Kirkton High School', 'Lochbrae Educational Psychology Service', null]);
    expect(names('Posters from Kirkton Library are on the wall.', known)).toEqual([]);
    expect(names('Posters from Kirkton Library are on the wall.')).toEqual(['Kirkton Library']);
  });

  it('finds nothing in notes that name classroom codes, roles and quoted speech', () => {
    for (const note of [
      'Learner at front table, asked "How did you get 2?", answers "I just knew it."',
      'In K2 and K3 the teacher asks "Why?" after each answer.',
      'T: "Which way would you tell someone who missed today?" Three learners answer.',
      'The PT Maths and the DHT observe in B4.',
    ]) {
      expect(names(note), note).toEqual([]);
    }
  });
});

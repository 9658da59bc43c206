import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newProject, sipp, tempDir } from './helpers.js';

describe('sipp guide', () => {
  it('prints the Collaborative Action Research guide outside a project', () => {
    const r = sipp(['guide'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Collaborative Action Research (car)');
    expect(r.stdout).toContain('question.yaml');
    expect(r.stdout).toContain("Questions for the facilitator's meeting");
    expect(r.stdout).toContain('  - Working relationships:');
  });

  it('prints the guide of the method named', () => {
    const r = sipp(['guide', 'car'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Assess - Plan - Do - Review');
  });

  it("defaults to the project's method, and says so when this version has no guide for it", () => {
    const dir = newProject();
    const file = path.join(dir, 'sipp.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('method: car', 'method: lesson-study'));
    const r = sipp(['guide'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Lesson Study (lesson-study), which has no guide in this version');
    expect(r.stdout).toContain('Collaborative Action Research (car)');
  });

  it('lists the known methods for a method that is coming later (exit 2)', () => {
    const r = sipp(['guide', 'lesson-study'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no guide for Lesson Study (lesson-study) yet');
    expect(r.stderr).toContain('car (Collaborative Action Research)');
  });

  it('lists the known methods for an unknown method (exit 2)', () => {
    const r = sipp(['guide', 'pdsa'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no enquiry method called "pdsa"');
    expect(r.stderr).toContain('car (Collaborative Action Research)');
    expect(r.stdout).toBe('');
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newProject, sipp, tempDir } from './helpers.js';

const METHOD_IDS = ['car', 'lesson-study', 'instructional-rounds', 'improvement-science', 'practitioner-enquiry'];

describe('sipp guide', () => {
  it('lists every method in a line, with how to choose, outside a project', () => {
    const r = sipp(['guide'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Enquiry methods');
    for (const id of METHOD_IDS) expect(r.stdout).toMatch(new RegExp(`^  ${id} +\\S`, 'm'));
    expect(r.stdout).toContain('  car                   Collaborative Action Research. When a team across schools');
    expect(r.stdout).toContain('How to choose');
    expect(r.stdout).toContain('Run `sipp guide <method>`');
    expect(r.stdout).not.toContain("This project's method");
    expect(r.stderr).toBe('');
  });

  it("adds the guide to the project's method inside a project", () => {
    const dir = newProject();
    const r = sipp(['guide'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Enquiry methods');
    const guide = r.stdout.slice(r.stdout.indexOf("This project's method"));
    expect(guide.split('\n')[2]).toBe('Collaborative Action Research (car)');
    expect(guide).toContain("Questions for the facilitator's meeting");
    expect(guide).toContain('  - Working relationships:');
  });

  it("follows the project's method when it is not the default", () => {
    const dir = newProject();
    const file = path.join(dir, 'sipp.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('method: car', 'method: practitioner-enquiry'));
    const r = sipp(['guide'], { cwd: dir });
    expect(r.code).toBe(0);
    const guide = r.stdout.slice(r.stdout.indexOf("This project's method"));
    expect(guide.split('\n')[2]).toBe('Practitioner enquiry (practitioner-enquiry)');
    expect(guide).toContain("What's the problem?");
  });

  it('prints the guide of the method named', () => {
    const r = sipp(['guide', 'car'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Collaborative Action Research (car)');
    expect(r.stdout).toContain('Assess - Plan - Do - Review');
    expect(r.stdout).not.toContain('How to choose');
  });

  it('has a guide for every method', () => {
    for (const id of METHOD_IDS) {
      const r = sipp(['guide', id], { cwd: tempDir() });
      expect(r.code, id).toBe(0);
      expect(r.stdout.split('\n')[0], id).toMatch(new RegExp(`\\(${id}\\)$`));
      expect(r.stdout, id).toContain("Questions for the facilitator's meeting");
    }
  });

  it('lists the known methods for an unknown method (exit 2)', () => {
    const r = sipp(['guide', 'pdsa'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no enquiry method called "pdsa"');
    expect(r.stderr).toContain('car (Collaborative Action Research)');
    expect(r.stdout).toBe('');
  });
});

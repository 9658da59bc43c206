// `sipp brief --pdf` with the Chromium on this machine (CI installs Debian's): every HTML briefing of every example
// printed to A4 PDF beside it, and a PDF sipp did not print is never replaced.
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, sipp, tempDir } from '../e2e/helpers.js';

const examples = readdirSync(EXAMPLES)
  .filter((name) => existsSync(path.join(EXAMPLES, name, 'sipp.yaml')))
  .sort();

describe('sipp brief --pdf', () => {
  it.each(examples)('prints each HTML briefing of %s to A4 PDF', async (name) => {
    const dir = tempDir();
    cpSync(path.join(EXAMPLES, name), dir, { recursive: true });
    const r = sipp(['brief', '--pdf', '--format', 'html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(path.join(dir, 'briefings'));
    const html = files.filter((f) => f.endsWith('.html'));
    expect(files.filter((f) => f.endsWith('.pdf')).sort()).toEqual(
      html.map((f) => f.replace(/\.html$/, '.pdf')).sort(),
    );
    for (const file of html) {
      const bytes = readFileSync(path.join(dir, 'briefings', file.replace(/\.html$/, '.pdf')));
      const pdf = await PDFDocument.load(bytes);
      expect(pdf.getPageCount()).toBeGreaterThan(0);
      const { width, height } = pdf.getPage(0).getSize();
      // A4 is 210 × 297 mm, 595.3 × 841.9 points (Chromium rounds to whole pixels, so within a point).
      expect(Math.abs(width - 595.3)).toBeLessThan(1);
      expect(Math.abs(height - 841.9)).toBeLessThan(1);
    }
    expect(r.stdout).toMatch(/and \d+ PDFs? \(A4\), printed with /);
  });

  it.each(examples)('prints the handouts of %s on at most two A4 sides each', async (name) => {
    const dir = tempDir();
    cpSync(path.join(EXAMPLES, name), dir, { recursive: true });
    const r = sipp(['brief', '--handout', '--pdf', '--format', 'html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const handouts = readdirSync(path.join(dir, 'briefings')).filter((f) => f.endsWith('.handout.pdf'));
    // One per cycle and one for the overview.
    expect(handouts.length).toBe(readdirSync(path.join(dir, 'cycles')).filter((f) => /^\d+-/.test(f)).length + 1);
    for (const file of handouts) {
      const pdf = await PDFDocument.load(readFileSync(path.join(dir, 'briefings', file)));
      expect(pdf.getPageCount(), `${name}/${file}`).toBeLessThanOrEqual(2);
    }
  });

  it('replaces its own PDFs, and refuses to replace one it did not print', () => {
    const dir = tempDir();
    cpSync(path.join(EXAMPLES, 'northfield-reading'), dir, { recursive: true });
    expect(sipp(['brief', '--pdf'], { cwd: dir }).code).toBe(0);
    expect(sipp(['brief', '--pdf'], { cwd: dir }).code).toBe(0);
    writeFileSync(path.join(dir, 'briefings', 'overview.pdf'), '%PDF-1.4 our own minutes');
    const r = sipp(['brief', '--pdf'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('overview.pdf was not printed by sipp, so sipp will not replace it.');
    expect(readFileSync(path.join(dir, 'briefings', 'overview.pdf'), 'utf8')).toBe('%PDF-1.4 our own minutes');
  });
});

// `sipp brief --pdf` with the Chromium on this machine (CI installs Debian's): every HTML briefing of every example
// printed to A4 PDF beside it, and a PDF sipp did not print is never replaced.
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
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

/**
 * How much of each page holds content, from 0 to 1: the span from the first to the last word between the running
 * header and footer, by pdftotext's word boxes (Debian's poppler-utils; CI installs it).
 */
function pageFill(pdf: string): number[] {
  const boxes = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return [...boxes.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, h, body]) => {
    const height = Number(h);
    const words = [...(body ?? '').matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)]
      .map((m) => [Number(m[1]), Number(m[2])] as const)
      .filter(([top, bottom]) => top > 30 && bottom < height - 45);
    if (words.length === 0) return 0;
    return (Math.max(...words.map((w) => w[1])) - Math.min(...words.map((w) => w[0]))) / (height - 80);
  });
}

describe('full briefings without wasted pages', () => {
  it.each(examples)('leave no page of %s with less than a fifth of a page on it, except the last', (name) => {
    const dir = tempDir();
    cpSync(path.join(EXAMPLES, name), dir, { recursive: true });
    const r = sipp(['brief', '--pdf', '--format', 'html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    for (const file of readdirSync(path.join(dir, 'briefings')).filter((f) => f.endsWith('.pdf'))) {
      const fill = pageFill(path.join(dir, 'briefings', file));
      const thin = fill.slice(0, -1).flatMap((f, i) => (f < 0.2 ? [`page ${i + 1}: ${f.toFixed(2)}`] : []));
      expect(thin, `${name}/${file}`).toEqual([]);
    }
  });
});

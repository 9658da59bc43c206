// Printing the HTML briefings to PDF with a Chromium or Chrome already on the computer (puppeteer-core drives it;
// nothing is downloaded). A4, with the project and the briefing in the footer and the page number from the briefing.
import { existsSync, readFileSync } from 'node:fs';
import { refusal } from '../core/problems.js';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeAtomic } from './write.js';

/** Where Chromium and Chrome are usually installed, after those on PATH. */
const USUAL_PLACES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];
const NAMES_ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

export type BrowserFound = { ok: true; path: string } | { ok: false; why: string };

/** The browser to print with: SIPP_CHROME when set, else one on PATH, else one in the usual places. */
export function findBrowser(env: NodeJS.ProcessEnv, exists: (file: string) => boolean = existsSync): BrowserFound {
  const named = env['SIPP_CHROME'];
  if (named !== undefined && named !== '') {
    return exists(named)
      ? { ok: true, path: named }
      : { ok: false, why: `SIPP_CHROME names ${named}, which is not there.` };
  }
  const onPath = (env['PATH'] ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .flatMap((dir) => NAMES_ON_PATH.map((name) => path.join(dir, name)));
  const found = [...onPath, ...USUAL_PLACES].find((file) => exists(file));
  return found ? { ok: true, path: found } : { ok: false, why: 'sipp found no Chromium or Chrome on this computer.' };
}

export interface PdfJob {
  /** The HTML briefing to print. */
  html: string;
  /** Where the PDF goes. */
  pdf: string;
  /** What the footer says before the page number: the project and the briefing. */
  footer: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Prints each briefing to A4 PDF with the browser at `browserPath`, writing each atomically inside `root`. */
export async function printPdfs(browserPath: string, jobs: readonly PdfJob[], root: string): Promise<string[]> {
  const { default: puppeteer } = await import('puppeteer-core');
  const rootUser = typeof process.getuid === 'function' && process.getuid() === 0;
  const browser = await puppeteer.launch({
    executablePath: browserPath,
    headless: true,
    // Chromium will not start its sandbox as root (containers, CI); elsewhere the sandbox stays on.
    args: rootUser ? ['--no-sandbox'] : [],
  });
  const written: string[] = [];
  try {
    const page = await browser.newPage();
    for (const job of jobs) {
      await page.goto(pathToFileURL(job.html).href, { waitUntil: 'load' });
      const bytes = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        // The project and the briefing on the left; the page number comes from the briefing's own print CSS.
        footerTemplate: `<div style="font-size:8px;width:100%;margin:0 15mm;font-family:Arial,'Liberation Sans',sans-serif;">${escapeHtml(job.footer)}</div>`,
        margin: { top: '15mm', bottom: '18mm', left: '15mm', right: '15mm' },
      });
      await writeAtomic(root, job.pdf, Buffer.from(bytes));
      written.push(job.pdf);
    }
  } finally {
    await browser.close();
  }
  return written;
}

/**
 * Refuses (exit 1) to print over a PDF sipp did not make: a PDF Chromium printed carries "Skia/PDF" as its producer,
 * and anything else in the way is the team's own.
 */
export function refuseForeignPdfs(files: readonly string[], shown: (absolute: string) => string): void {
  const foreign = files.filter((file) => existsSync(file) && !readFileSync(file).includes('Skia/PDF'));
  if (foreign.length === 0) return;
  throw refusal(
    `${foreign.map(shown).join(', ')} ${foreign.length === 1 ? 'was' : 'were'} not printed by sipp, so sipp will not replace ${foreign.length === 1 ? 'it' : 'them'}. The briefings were written; no PDF was made.`,
    { hint: 'Move or rename the file, and run sipp brief --pdf again.' },
  );
}

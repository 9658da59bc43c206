// Which browser `sipp brief --pdf` prints with: SIPP_CHROME, then PATH, then the usual places; or why none.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../../src/project/pdf.js';

const only =
  (...files: string[]) =>
  (file: string): boolean =>
    files.includes(file);

describe('findBrowser', () => {
  it('takes the browser SIPP_CHROME names, and says so when it is not there', () => {
    expect(findBrowser({ SIPP_CHROME: '/opt/chrome/chrome', PATH: '/usr/bin' }, only('/opt/chrome/chrome'))).toEqual({
      ok: true,
      path: '/opt/chrome/chrome',
    });
    expect(findBrowser({ SIPP_CHROME: '/opt/none', PATH: '/usr/bin' }, only('/usr/bin/chromium'))).toEqual({
      ok: false,
      why: 'SIPP_CHROME names /opt/none, which is not there.',
    });
  });

  it('looks on PATH before the usual places', () => {
    const onPath = path.join('/home/t/bin', 'google-chrome');
    expect(
      findBrowser({ PATH: ['/home/t/bin', '/usr/bin'].join(path.delimiter) }, only(onPath, '/usr/bin/chromium')),
    ).toEqual({
      ok: true,
      path: onPath,
    });
    expect(findBrowser({ PATH: '/nowhere' }, only('/snap/bin/chromium'))).toEqual({
      ok: true,
      path: '/snap/bin/chromium',
    });
  });

  it('says when there is none', () => {
    expect(findBrowser({ PATH: '/nowhere' }, only())).toEqual({
      ok: false,
      why: 'sipp found no Chromium or Chrome on this computer.',
    });
  });
});

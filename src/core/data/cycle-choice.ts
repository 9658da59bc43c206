// Which cycle folder `--cycle` names: its number (`1`, `01`), its folder name, or its path under cycles/.
import { CYCLE_FOLDER } from '../records/model.js';

export function chooseCycleFolder(folders: readonly string[], given: string): string | null {
  const wanted = given
    .trim()
    .replace(/\\/g, '/')
    .replace(/\/+$/, '')
    .replace(/^(?:\.\/)?cycles\//, '');
  if (/^\d+$/.test(wanted)) {
    const number = Number(wanted);
    return folders.find((f) => Number(CYCLE_FOLDER.exec(f)?.[1]) === number) ?? null;
  }
  return folders.find((f) => f === wanted) ?? null;
}

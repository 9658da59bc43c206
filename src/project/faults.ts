// Faults of the computer rather than of the project (a read-only folder, a full disk, a file where a folder should
// be), as plain messages with the path and what to do, instead of "something unexpected went wrong". sipp's writes
// are atomic and each command undoes what it had made when a later write fails, so nothing is left half-written.
import path from 'node:path';
import { refusal, type SippError } from '../core/problems.js';

interface ErrnoLike {
  code?: unknown;
  path?: unknown;
  dest?: unknown;
  syscall?: unknown;
}

/** A refusal (exit 1) for a file-system fault, or undefined when `e` is not one sipp can explain. */
export function faultRefusal(e: unknown, cwd: string): SippError | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const { code, path: at, dest } = e as ErrnoLike;
  if (typeof code !== 'string') return undefined;
  const where = typeof dest === 'string' ? dest : typeof at === 'string' ? at : undefined;
  const shown =
    where === undefined
      ? 'a file'
      : path.relative(cwd, where) === ''
        ? `this folder (${where})`
        : path.relative(cwd, where);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return refusal(
        `sipp is not allowed to change ${shown}: it is read-only for you. No file was left half-written.`,
        {
          hint: 'Ask whoever looks after this computer or drive for permission to write there, or copy the project to a folder of your own and run the command there.',
        },
      );
    case 'EROFS':
      return refusal(`${shown} is on a drive that can only be read, not written. No file was left half-written.`, {
        hint: 'Copy the project to a drive you can write to, and run the command there.',
      });
    case 'ENOSPC':
    case 'EDQUOT':
      return refusal(
        `The disk is full${code === 'EDQUOT' ? ' (your storage allowance is used up)' : ''}: sipp could not write ${shown}. No file was left half-written.`,
        { hint: 'Free some space (empty the bin, move large files elsewhere) and run the command again.' },
      );
    case 'ENOTDIR':
      return refusal(
        `sipp needs a folder at ${shown}, or on the way to it, but there is a file. No file was left half-written.`,
        {
          hint: 'Move or rename the file, and run the command again.',
        },
      );
    case 'EISDIR':
      return refusal(`sipp needs a file at ${shown}, but there is a folder. No file was left half-written.`, {
        hint: 'Move or rename the folder, and run the command again.',
      });
    case 'EEXIST':
      return refusal(
        `Something is already at ${shown}, where sipp needs to make a folder or file. No file was left half-written.`,
        {
          hint: 'Move or rename it, and run the command again.',
        },
      );
    case 'ELOOP':
      return refusal(`${shown} is a link (a symbolic link) that leads back to itself. No file was left half-written.`, {
        hint: 'Replace the link with the file or folder itself.',
      });
    case 'ENAMETOOLONG':
      return refusal(`The name ${shown} is too long for this computer. No file was left half-written.`, {
        hint: 'Use a shorter title or folder name.',
      });
    case 'EMFILE':
    case 'ENFILE':
      return refusal('The computer has too many files open at once, so sipp stopped. No file was left half-written.', {
        hint: 'Close some programs and run the command again.',
      });
    case 'EIO':
      return refusal(
        `The drive could not read or write ${shown} (a hardware or network drive fault). No file was left half-written.`,
        {
          hint: 'Check the drive (a USB stick may have come out, a network drive may be offline) and run the command again.',
        },
      );
    default:
      return undefined;
  }
}

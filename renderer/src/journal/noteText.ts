/** Small pieces the notes' screens share: problems by field, and how a note's when and who are said. */
import type { ApiError } from '../../../preload/api';
import { dayOf, timeOf } from '../today';

/** A problem main found, by the field's JSON path ("/text"); "" for one that belongs to no field. */
export type Problems = Record<string, string>;

/** Main's issues by path; an issue about which home or placement goes to the form as a whole. */
export function problemsOf(error: ApiError): Problems {
  const problems: Problems = {};
  for (const issue of error.issues ?? []) {
    const path = ['/category', '/writtenOn', '/text'].includes(issue.path) ? issue.path : '';
    problems[path] ??= issue.message;
  }
  return problems;
}

/** "2026-11-22 14:32": when a note was signed, in the user's local time. */
export function signedText(signedAt: string): string {
  const time = timeOf(signedAt);
  return time === '' ? signedAt : `${dayOf(signedAt)} ${time}`;
}

/** The start of a text on one line, for a draft in a list. */
export function preview(text: string, length = 140): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= length ? line : `${line.slice(0, length - 1).trimEnd()}…`;
}

const counted = new Intl.NumberFormat('sv-SE');

/** "1 anteckning", "57 anteckningar". */
export const notesCount = (n: number): string => (n === 1 ? '1 anteckning' : `${counted.format(n)} anteckningar`);

/**
 * The server's own explanation of a failed response, as one short line for an
 * error message. Servers say why in many shapes; the first that has text wins:
 * the field the spec's error schema names (`x-specsmith-errors` message
 * pointer), an RFC 9457 problem (`detail`, else `title`, with the first items
 * of a `validation` list such as Prism sends for a 422), a `message` or `error`
 * field (a string, or `error.message`), a plain-text body, else the status text.
 */
import { getAtPointer } from './pointer.js';

/** Longest server text a message quotes; the whole body stays on the error's `body`. */
export const MAX_EXPLANATION_CHARS = 300;
/** Validation items quoted from a problem's list; the rest are counted. */
const VALIDATION_ITEMS_SHOWN = 2;

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A string with something in it; anything else (blank, not a string) is no text. */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** One line: control characters and runs of whitespace become one space (a server cannot forge log lines), cut at `max` characters. */
export function oneLine(text: string, max = MAX_EXPLANATION_CHARS): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** `body.name: must be a string`: where a validation item points, then its message. */
function validationItem(item: unknown): string | undefined {
  const fields = record(item);
  const message = nonEmpty(fields?.['message']) ?? nonEmpty(item);
  if (!message) return undefined;
  const location = fields?.['location'];
  const where = Array.isArray(location)
    ? location.filter((part) => typeof part === 'string' || typeof part === 'number').join('.')
    : nonEmpty(location);
  return where ? `${where}: ${message}` : message;
}

/** An RFC 9457 problem's explanation (`detail`, else `title`); with a `validation` list, the short title and its first items. */
function problemText(body: Record<string, unknown>): string | undefined {
  const detail = nonEmpty(body['detail']);
  const title = nonEmpty(body['title']);
  const list = Array.isArray(body['validation']) ? body['validation'] : [];
  const items = list.map(validationItem).filter((item): item is string => item !== undefined);
  if (items.length === 0) return detail ?? title;
  const more = items.length > VALIDATION_ITEMS_SHOWN ? ` (+${items.length - VALIDATION_ITEMS_SHOWN} more)` : '';
  return `${title ?? detail ?? 'invalid request'}: ${items.slice(0, VALIDATION_ITEMS_SHOWN).join('; ')}${more}`;
}

/**
 * The explanation of an error response's body (parsed JSON, or text), or the
 * status text; undefined when there is nothing to say.
 */
export function serverExplanation(
  body: unknown,
  messagePointer: string | undefined,
  statusText: string,
): string | undefined {
  const fields = record(body);
  const error = fields?.['error'];
  const text =
    (messagePointer ? nonEmpty(getAtPointer(body, messagePointer)) : undefined) ??
    (fields ? problemText(fields) : undefined) ??
    nonEmpty(fields?.['message']) ??
    nonEmpty(error) ??
    nonEmpty(record(error)?.['message']) ??
    nonEmpty(body) ??
    nonEmpty(statusText);
  return text === undefined ? undefined : oneLine(text);
}

/** The client class name and the members every generated client has. */
import { clientTypeNames, RESERVED_TYPE_NAMES } from '../reserved-names.js';
import type { Rename } from '../types.js';

/** Members every generated client has; a resource may not shadow them. */
export const CLIENT_MEMBERS = ['raw', 'baseUrl', 'waitFor', 'verifyWebhook', 'withOptions', 'toJSON', 'constructor'];

/**
 * The client class name: `x-specsmith-client.name` or the title, as an
 * identifier, moved off reserved names (with its error, error code and
 * webhook event types): `Promise` -> `PromiseClient`.
 */
export function clientName(wanted: string): { name: string; renames: Rename[] } {
  const free = (candidate: string): boolean =>
    clientTypeNames(candidate).every((name) => !RESERVED_TYPE_NAMES.has(name));
  const candidates = [wanted, `${wanted}Client`, `${wanted}Api`];
  let name = candidates.find(free);
  for (let n = 2; name === undefined; n++) if (free(`${wanted}${n}`)) name = `${wanted}${n}`;
  return { name, renames: name === wanted ? [] : [{ subject: 'the client class', wanted, name, reason: 'reserved' }] };
}

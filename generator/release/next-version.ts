/**
 * The next version from the changes since the last release (Semantic
 * Versioning 2.0.0, https://semver.org): a breaking change bumps the major
 * version, or the minor while the major is 0 (§4: anything may change in
 * 0.y.z, and npm's caret ranges treat 0.y as the breaking position);
 * additions bump the minor; documentation and fixes bump the patch.
 * Pre-release and build suffixes are dropped: a release is a release.
 */
import type { ChangeKind } from '../diff/rules.js';

export type Bump = 'major' | 'minor' | 'patch';

export function bumpFor(worst: ChangeKind | undefined): Bump {
  if (worst === 'breaking') return 'major';
  if (worst === 'non-breaking') return 'minor';
  return 'patch';
}

export function nextVersion(current: string, bump: Bump): string {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(current);
  if (!match) throw new Error(`not a semantic version: ${current}`);
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (bump === 'major') return major === 0 ? `0.${minor + 1}.0` : `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

import type { PlaceRef } from '../types.js';

/**
 * URL slug of a place: its statistical division code, e.g. `320612119` for 张芝山镇, `320613` for 崇川区.
 * Stable across renames and overlay changes (names change, codes rarely do), never empty, unique
 * (codes are unique and district codes have 6 digits, town codes 9), and ASCII, so URLs need no
 * percent-encoding.
 *
 * @throws TypeError when `place.code` is not 6 or 9 digits.
 */
export function placeSlug(place: Pick<PlaceRef, 'code'>): string {
  if (!/^(?:\d{6}|\d{9})$/u.test(place.code)) {
    throw new TypeError(`Unexpected place code ${JSON.stringify(place.code)}, expected 6 or 9 digits`);
  }
  return place.code;
}

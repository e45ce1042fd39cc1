import type { Gazetteer, GazetteerPlace } from './load-gazetteer.js';

/**
 * The district (6-digit code) or town (9-digit code) of the gazetteer's home region with this
 * statistical code, or undefined when there is none (other regions, excluded farms and institutions).
 */
export function placeByCode(gazetteer: Gazetteer, code: string): GazetteerPlace | undefined {
  return gazetteer.byCode.get(code);
}

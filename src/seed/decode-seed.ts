/**
 * Seed bytes → text. Accepts UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030 (which covers GBK
 * and GB2312). Decoding uses the WHATWG TextDecoder of Node's ICU in fatal mode, so a byte sequence that is
 * not valid in the chosen encoding is refused, never turned into U+FFFD. Bytes that are not UTF-8 are offered
 * to the `chardet` detector (ICU's statistics of frequent characters): Big5 and Shift-JIS text, which GB18030
 * would mostly decode without an error into mojibake, is decoded as what it is, with a warning. (A lone short
 * line may still be taken for GB18030; a page is long enough. EUC-JP and EUC-KR are not tried: chardet takes
 * some short GB18030 headlines for them.)
 */
import { createRequire } from 'node:module';
import type chardetModule from 'chardet';

const require = createRequire(import.meta.url);

/** The chardet package, loaded on first use (synchronously, it is CommonJS): only bytes that are not UTF-8 need it. */
function chardet(): typeof chardetModule {
  return require('chardet') as typeof chardetModule;
}

/** The encodings a seed may be saved in. */
export type SeedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'shift_jis';

/** Encodings besides GB18030 that legacy East Asian text files come in: chardet's name → decoder label, readers' name. */
const OTHER_LEGACY: Readonly<Record<string, readonly [SeedEncoding, string]>> = Object.freeze({
  Big5: ['big5', 'Big5 (traditional Chinese)'],
  Shift_JIS: ['shift_jis', 'Shift-JIS (Japanese)'],
});

/** A decoded seed, or the reason it was refused. */
export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: SeedEncoding; readonly bom: boolean; readonly warning?: string }
  | { readonly ok: false; readonly reason: string };

/** File signatures of binary formats editors save into seeds/ by mistake. */
const SIGNATURES: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['a PDF file', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (or a .docx/.xlsx document)', [0x50, 0x4b, 0x03, 0x04]],
  ['an OLE document (.doc/.xls)', [0xd0, 0xcf, 0x11, 0xe0]],
];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function decodeFatal(bytes: Uint8Array, encoding: SeedEncoding, skip: number): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  } catch {
    return null;
  }
}

/** Count of C0 control characters other than tab, line feed, carriage return and form feed. */
function controlCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f) count++;
  }
  return count;
}

/** Stray control characters a text file may have (they are reported and removed later, in parseSeed). */
const MAX_CONTROLS = 16;

/** True when every other byte of the first 64 is NUL: UTF-16 text of ASCII or Latin letters saved without a BOM. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 64);
  if (head.length < 4) return false;
  let even = 0;
  let odd = 0;
  head.forEach((byte, i) => {
    if (byte === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  });
  const half = Math.floor(head.length / 2);
  return even >= half * 0.9 || odd >= half * 0.9;
}

/**
 * Decode the bytes of a seed file.
 * Order: BOM (UTF-8, UTF-16LE, UTF-16BE) → strict UTF-8 → strict GB18030. Text with NUL characters, or
 * where more than 16 characters and more than 1 in 20 are control characters, is taken for a binary file
 * and refused (a few stray controls are not: parseSeed reports and removes them).
 * @returns the text (BOM removed) and the encoding found, or `{ ok: false, reason }` saying what the file looks like
 */
export function decodeSeed(bytes: Uint8Array): DecodeResult {
  for (const [name, signature] of SIGNATURES) {
    if (startsWith(bytes, signature)) return { ok: false, reason: `Unexpected binary file: this looks like ${name}, expected plain text` };
  }
  let decoded: { text: string; encoding: SeedEncoding; bom: boolean } | null = null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeFatal(bytes, 'utf-8', 3);
    if (text === null) return { ok: false, reason: 'Unexpected bytes: the file starts with a UTF-8 byte order mark but is not valid UTF-8' };
    decoded = { text, encoding: 'utf-8', bom: true };
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = decodeFatal(bytes, encoding, 2);
    if (text === null) return { ok: false, reason: `Unexpected bytes: the file starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}` };
    decoded = { text, encoding, bom: true };
  } else {
    const utf8 = decodeFatal(bytes, 'utf-8', 0);
    if (utf8 !== null) decoded = { text: utf8, encoding: 'utf-8', bom: false };
    else decoded = decodeLegacy(bytes);
  }
  if (decoded === null) {
    return { ok: false, reason: 'Unexpected encoding: the file is neither UTF-8, UTF-16 with a byte order mark, nor GB18030/GBK; save it as UTF-8' };
  }
  if (decoded.text.includes('\u0000')) {
    if (looksLikeUtf16WithoutBom(bytes)) {
      return { ok: false, reason: 'Unexpected encoding: this looks like UTF-16 without a byte order mark; save it as UTF-8' };
    }
    return { ok: false, reason: 'Unexpected binary content: the file has NUL characters, expected plain text' };
  }
  if (controlCount(decoded.text) > Math.max(MAX_CONTROLS, decoded.text.length / 20)) {
    return { ok: false, reason: 'Unexpected binary content: more than 1 in 20 characters are control characters, expected plain text' };
  }
  return { ok: true, ...decoded };
}

/**
 * Bytes that are not UTF-8: GB18030, unless chardet finds Big5 or Shift-JIS more likely than GB18030 and the
 * bytes are valid in it; then decoded as that, with a warning. Null when nothing decodes.
 */
function decodeLegacy(bytes: Uint8Array): { text: string; encoding: SeedEncoding; bom: boolean; warning?: string } | null {
  const gb = decodeFatal(bytes, 'gb18030', 0);
  const matches = chardet().analyse(bytes);
  const confidence = (name: string): number => matches.find((match) => match.name === name)?.confidence ?? 0;
  for (const match of matches) {
    const other = Object.hasOwn(OTHER_LEGACY, match.name) ? OTHER_LEGACY[match.name] : undefined;
    if (other === undefined || match.confidence <= confidence('GB18030')) continue;
    const [encoding, label] = other;
    const text = decodeFatal(bytes, encoding, 0);
    if (text === null) continue;
    return { text, encoding, bom: false, warning: `Unexpected encoding ${label}: decoded as ${label.replace(/ \(.*\)$/, '')}; save the file as UTF-8` };
  }
  return gb === null ? null : { text: gb, encoding: 'gb18030', bom: false };
}

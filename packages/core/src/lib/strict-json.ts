import { JwtError } from '../errors/jwt-error.js';

// A strict RFC 8259 reader for token headers and claims (STANDARDS.md §1.10, policies 1–3): no
// duplicate member names (compared after escape processing), no "__proto__" member anywhere, no
// "constructor" object holding "prototype", no lone surrogates, no trailing content, only finite
// numbers, bounded depth. Objects come back with a null prototype.

/** Deepest nesting of objects/arrays accepted. */
export const MAX_JSON_DEPTH = 32;

let text = '';
let pos = 0;

function fail(): never {
  throw new JwtError('ERR_JWT_MALFORMED');
}

/**
 * Parses `input` as one strict JSON text; throws `ERR_JWT_MALFORMED` on anything else.
 *
 * @param input - the decoded UTF-8 text
 */
export function parseStrictJson(input: string): unknown {
  text = input;
  pos = 0;
  try {
    const value = parseValue(0);
    skipSpace();
    if (pos !== text.length) fail();
    return value;
  } finally {
    text = '';
  }
}

function skipSpace(): void {
  let c = text.charCodeAt(pos);
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++pos);
}

function parseValue(depth: number): unknown {
  skipSpace();
  const c = text.charCodeAt(pos);
  if (c === 0x22) return parseString();
  if (c === 0x7b) return parseObject(depth + 1);
  if (c === 0x5b) return parseArray(depth + 1);
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return parseNumber();
  if (text.startsWith('true', pos)) return ((pos += 4), true);
  if (text.startsWith('false', pos)) return ((pos += 5), false);
  if (text.startsWith('null', pos)) return ((pos += 4), null);
  return fail();
}

function parseObject(depth: number): Record<string, unknown> {
  if (depth > MAX_JSON_DEPTH) fail();
  // Detached from Object.prototype while still empty ("__proto__" is refused before any
  // assignment): the members then extend one shared hidden class, with fast properties, and the
  // verifier's freeze of it is a cached transition. (Detached once built, each object got a
  // hidden class of its own and each freeze built another, in the old generation.)
  const object = Object.setPrototypeOf({}, null) as Record<string, unknown>;
  pos++;
  skipSpace();
  if (text.charCodeAt(pos) === 0x7d) return (pos++, object);
  for (let index = 0; ; index++) {
    if (text.charCodeAt(pos) !== 0x22) fail();
    const name = depth === 1 ? parseTopName(index) : parseString();
    if (name === '__proto__' || Object.hasOwn(object, name)) fail();
    skipSpace();
    if (text.charCodeAt(pos++) !== 0x3a) fail();
    const value = parseValue(depth);
    if (name === 'constructor' && isObject(value) && value.prototype !== undefined) fail();
    object[name] = value;
    skipSpace();
    const c = text.charCodeAt(pos++);
    if (c === 0x7d) return object;
    if (c !== 0x2c) fail();
    skipSpace();
  }
}

// Claim names of the last top-level object, by position: tokens of one issuer repeat them in the
// same order, and reusing the string skips slicing and re-interning it.
const knownNames: string[] = [];

function parseTopName(index: number): string {
  const known = knownNames[index];
  if (
    known !== undefined &&
    text.startsWith(known, pos + 1) &&
    text.charCodeAt(pos + 1 + known.length) === 0x22
  ) {
    pos += known.length + 2;
    return known;
  }
  const start = pos + 1;
  const name = parseString();
  // Only a name written without escapes is matched by its text next time.
  if (pos - 1 - start === name.length && index < 64) knownNames[index] = name;
  return name;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseArray(depth: number): unknown[] {
  if (depth > MAX_JSON_DEPTH) fail();
  const array: unknown[] = [];
  pos++;
  skipSpace();
  if (text.charCodeAt(pos) === 0x5d) return (pos++, array);
  for (;;) {
    array.push(parseValue(depth));
    skipSpace();
    const c = text.charCodeAt(pos++);
    if (c === 0x5d) return array;
    if (c !== 0x2c) fail();
  }
}

// Plain characters: anything but a quote, a backslash, a control character or a surrogate.
// eslint-disable-next-line no-control-regex -- JSON strings must not hold raw control characters
const PLAIN = /[^"\\\u0000-\u001f\ud800-\udfff]*/y;

function parseString(): string {
  const start = ++pos;
  PLAIN.lastIndex = start;
  PLAIN.test(text);
  pos = PLAIN.lastIndex;
  if (text.charCodeAt(pos) === 0x22) return text.slice(start, pos++);
  return parseEscapedString(start);
}

// The slow path, for strings with escapes: builds the value from parts.
function parseEscapedString(start: number): string {
  let out = text.slice(start, pos);
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c === 0x22) return (pos++, out);
    if (c === 0x5c) {
      out += readEscape();
    } else {
      if (!(c >= 0x20)) fail();
      if ((c & 0xf800) === 0xd800) {
        checkSurrogatePair(c, text.charCodeAt(pos + 1));
        out += text[pos++];
      }
      out += text[pos++];
    }
  }
}

// Reads one escape at `pos` (the backslash); a \u high surrogate must be followed by a \u low one.
function readEscape(): string {
  const e = text.charCodeAt(pos + 1);
  pos += 2;
  switch (e) {
    case 0x22:
      return '"';
    case 0x5c:
      return '\\';
    case 0x2f:
      return '/';
    case 0x62:
      return '\b';
    case 0x66:
      return '\f';
    case 0x6e:
      return '\n';
    case 0x72:
      return '\r';
    case 0x74:
      return '\t';
    case 0x75: {
      const unit = readHex4();
      if (unit >= 0xdc00 && unit <= 0xdfff) fail();
      if (unit < 0xd800 || unit > 0xdbff) return String.fromCharCode(unit);
      if (text.charCodeAt(pos) !== 0x5c || text.charCodeAt(pos + 1) !== 0x75) fail();
      pos += 2;
      const low = readHex4();
      if (low < 0xdc00 || low > 0xdfff) fail();
      return String.fromCharCode(unit, low);
    }
    default:
      return fail();
  }
}

function readHex4(): number {
  const hex = text.slice(pos, pos + 4);
  if (!/^[0-9A-Fa-f]{4}$/.test(hex)) fail();
  pos += 4;
  return parseInt(hex, 16);
}

// A raw surrogate must be a high one immediately followed by a low one.
function checkSurrogatePair(high: number, low: number): void {
  if (high > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) fail();
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

function parseNumber(): number {
  // Fast path: a small non-negative integer (NumericDates), accumulated directly.
  let c = text.charCodeAt(pos);
  if (c > 0x30 && c <= 0x39) {
    let end = pos;
    let value = 0;
    while (c >= 0x30 && c <= 0x39 && end - pos < 15) {
      value = value * 10 + (c - 0x30);
      c = text.charCodeAt(++end);
    }
    if (c !== 0x2e && c !== 0x65 && c !== 0x45 && !(c >= 0x30 && c <= 0x39)) {
      pos = end;
      return value;
    }
  }
  NUMBER.lastIndex = pos;
  if (!NUMBER.test(text)) fail();
  const value = Number(text.slice(pos, NUMBER.lastIndex));
  // 1e400 would become Infinity: a never-expiring token.
  if (!Number.isFinite(value)) fail();
  pos = NUMBER.lastIndex;
  return value;
}

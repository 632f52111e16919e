/**
 * JSON with every character past ASCII written as a `\u` escape. A checkpoint of ASCII alone decodes to a string of
 * one byte per character: a single "ü" in a prompt or a question id would otherwise double the whole string and slow
 * its decoding and parsing.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

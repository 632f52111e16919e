/**
 * A fast, stable 53-bit string hash (cyrb53), written as 11 base-36 characters. It names files and ids derived from
 * content, so that two windows doing the same work produce the same names; it is not a security measure.
 */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return finish(h1, h2);
}

/**
 * A hash of the same kind over the first `length` bytes, taken four at a time into four independent lanes: with one
 * lane, each word waited on the multiplication before it. A character at a time over the decoded text took three
 * times as long as words. The words are in the machine's byte order, so it fingerprints files for this machine
 * only (the checkpoint is per machine).
 */
export function bytesHash(bytes: Uint8Array, length: number): string {
  // A copy where the words cannot be read in place: `new Uint8Array(view)` copies, where a Node Buffer's `slice` would not.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes.subarray(0, length));
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, length >>> 2);
  let h1 = 0xdeadbeef ^ length;
  let h2 = 0x41c6ce57;
  let h3 = 0x9e3779b9;
  let h4 = 0x85ebca6b;
  const lanes = words.length - (words.length % 4);
  for (let i = 0; i < lanes; i += 4) {
    h1 = Math.imul(h1 ^ words[i], 2654435761);
    h2 = Math.imul(h2 ^ words[i + 1], 1597334677);
    h3 = Math.imul(h3 ^ words[i + 2], 2246822507);
    h4 = Math.imul(h4 ^ words[i + 3], 3266489909);
  }
  h1 = Math.imul(h1 ^ h3, 2654435761);
  h2 = Math.imul(h2 ^ h4, 1597334677);
  for (let i = lanes; i < words.length; i++) {
    h1 = Math.imul(h1 ^ words[i], 2654435761);
    h2 = Math.imul(h2 ^ words[i], 1597334677);
  }
  for (let i = words.length * 4; i < length; i++) {
    h1 = Math.imul(h1 ^ bytes[i], 2654435761);
    h2 = Math.imul(h2 ^ bytes[i], 1597334677);
  }
  return finish(h1, h2);
}

function finish(h1: number, h2: number): string {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(36).padStart(11, '0');
}

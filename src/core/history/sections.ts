/**
 * Text of one JSON header line followed by long strings as they are: the checkpoint's file format. Inside the JSON,
 * each long string would be scanned, copied and unescaped (the `\n`s and quotes of ids and links) at every load;
 * after the header, each is a slice of the text read, which V8 makes without copying, and most are parsed only when
 * first needed. The header lists the sections' names and lengths, so a cut or lengthened file does not split.
 *
 * The header is ASCII (`asciiJson`), and so are the sections unless an event id is not: the header says so, and
 * such a file is read as Latin-1, a plain copy of its bytes, where decoding 26 MB of UTF-8 costs tens of milliseconds.
 */
import { asciiJson } from './asciiJson';

export function joinSections(header: object, sections: Readonly<Record<string, string>>): string {
  const names = Object.keys(sections);
  const ascii = names.every((name) => !/[\u0080-\uffff]/.test(sections[name]));
  return `${asciiJson({ ...header, ascii, sections: names.map((name) => [name, sections[name].length]) })}\n${names.map((name) => sections[name]).join('')}`;
}

/**
 * The header and sections of the bytes of `joinSections`' text: undefined when the header is not a JSON object or
 * the sections do not fill the rest exactly. A header without a `sections` list (an older format) comes back with none.
 */
export function splitSections(bytes: Uint8Array): { header: Record<string, unknown>; sections: Record<string, string> } | undefined {
  const end = bytes.indexOf(10);
  let header: unknown;
  try {
    header = JSON.parse(latin1(end < 0 ? bytes : bytes.subarray(0, end)));
  } catch {
    return undefined;
  }
  if (typeof header !== 'object' || header === null) return undefined;
  const { sections: lengths, ascii, ...rest } = header as Record<string, unknown>;
  if (lengths === undefined) return { header: rest, sections: {} };
  if (end < 0 || !Array.isArray(lengths)) return undefined;
  const body = bytes.subarray(end + 1);
  const text = ascii === true ? latin1(body) : new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  const sections: [string, string][] = [];
  let at = 0;
  for (const entry of lengths) {
    const [name, length] = Array.isArray(entry) ? entry : [];
    if (typeof name !== 'string' || !Number.isInteger(length) || length < 0) return undefined;
    sections.push([name, text.slice(at, (at += length))]);
  }
  return at === text.length ? { header: rest, sections: Object.fromEntries(sections) } : undefined;
}

/** Bytes as Latin-1 text: one character per byte, which is the UTF-8 reading of ASCII. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * Text of one JSON header line followed by long strings as they are: the checkpoint's file format. Inside the JSON,
 * each long string would be scanned, copied and unescaped (the `\n`s and quotes of ids and links) at every load;
 * after the header, each is a slice of the text read, which V8 makes without copying, and most are parsed only when
 * first needed. The header lists the sections' names and lengths, so a cut or lengthened file does not split.
 */
import { asciiJson } from './asciiJson';

export function joinSections(header: object, sections: Readonly<Record<string, string>>): string {
  const names = Object.keys(sections);
  return `${asciiJson({ ...header, sections: names.map((name) => [name, sections[name].length]) })}\n${names.map((name) => sections[name]).join('')}`;
}

/**
 * The header and sections of `joinSections`' text: undefined when the header is not a JSON object or the sections
 * do not fill the rest exactly. A header without a `sections` list (an older format) comes back with none.
 */
export function splitSections(text: string): { header: Record<string, unknown>; sections: Record<string, string> } | undefined {
  const end = text.indexOf('\n');
  let header: unknown;
  try {
    header = JSON.parse(end < 0 ? text : text.slice(0, end));
  } catch {
    return undefined;
  }
  if (typeof header !== 'object' || header === null) return undefined;
  const { sections: lengths, ...rest } = header as Record<string, unknown>;
  if (lengths === undefined) return { header: rest, sections: {} };
  if (end < 0 || !Array.isArray(lengths)) return undefined;
  const sections: [string, string][] = [];
  let at = end + 1;
  for (const entry of lengths) {
    const [name, length] = Array.isArray(entry) ? entry : [];
    if (typeof name !== 'string' || !Number.isInteger(length) || length < 0) return undefined;
    sections.push([name, text.slice(at, (at += length))]);
  }
  return at === text.length ? { header: rest, sections: Object.fromEntries(sections) } : undefined;
}

/**
 * Plural forms chosen by the translation, not by code: a message holds an ICU-style choice such as
 * `{0, plural, one {# question} other {# questions}}`, the translation writes the forms its language needs (the
 * categories of `Intl.PluralRules`: zero, one, two, few, many, other, and exact `=N`), and the display language's
 * rules pick one. `l10n.t` fills the plain `{1}` placeholders first and leaves the choices for `plural`.
 */

let pluralRules = new Intl.PluralRules('en');
let locale = 'en';
/** Made on first need: the first `Intl.NumberFormat` costs about 20 ms (its locale data), too much for start-up. */
let numbers: Intl.NumberFormat | undefined;

/**
 * The display language whose plural rules apply, and whose digits the counts are written in (`1,234` in English,
 * `1.234` in German): VS Code's `env.language`, the CLI's locale, the webview's.
 */
export function setPluralLocale(displayLocale: string): void {
  try {
    pluralRules = new Intl.PluralRules(displayLocale);
    locale = displayLocale;
  } catch {
    pluralRules = new Intl.PluralRules('en');
    locale = 'en';
  }
  numbers = undefined;
}

/**
 * `count` as the display language writes it. Whole numbers below 1,000 are written the same in every language we
 * ship (no grouping, Latin digits), so they need no number format.
 */
function formatCount(count: number): string {
  if (Number.isInteger(count) && count >= 0 && count < 1000) return String(count);
  numbers ??= new Intl.NumberFormat(locale);
  return numbers.format(count);
}

/**
 * Resolves every `{N, plural, …}` in `text` with `args[N]`; `#` in the chosen form is the number, written as the
 * display language writes numbers. Text without a choice, or with one it cannot read, comes back as it is (a broken
 * translation never hides the sentence).
 */
export function plural(text: string, ...args: readonly (number | string)[]): string {
  let result = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('{', i);
    if (start < 0) break;
    const choice = readChoice(text, start);
    if (!choice) {
      result += text.slice(i, start + 1);
      i = start + 1;
      continue;
    }
    const count = Number(args[choice.index]);
    const form = Number.isFinite(count) ? (choice.forms.get(`=${count}`) ?? choice.forms.get(pluralRules.select(count)) ?? choice.forms.get('other')) : undefined;
    result += text.slice(i, start) + (form === undefined ? text.slice(start, choice.end) : form.replace(/#/g, formatCount(count)));
    i = choice.end;
  }
  return result + text.slice(i);
}

/** `{N, plural, cat {form} …}` at `start`: the argument index, the forms, and where it ends; undefined if it is not one. */
function readChoice(text: string, start: number): { index: number; forms: Map<string, string>; end: number } | undefined {
  const head = /^\{(\d+),\s*plural,/.exec(text.slice(start, start + 24));
  if (!head) return undefined;
  const forms = new Map<string, string>();
  let i = start + head[0].length;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\n' || text[i] === '\t') i++;
    if (text[i] === '}') return forms.size > 0 ? { index: Number(head[1]), forms, end: i + 1 } : undefined;
    const key = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(text.slice(i, i + 12));
    if (!key) return undefined;
    i += key[0].length;
    const close = text.indexOf('}', i);
    if (close < 0) return undefined;
    forms.set(key[1], text.slice(i, close));
    i = close + 1;
  }
}

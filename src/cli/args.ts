/** A small command-line option reader: `--name value`, `--name=value`, repeatable options, `--` ends options. */
import * as l10n from '@vscode/l10n';

export interface OptionSpec {
  /** The option as typed after `--` (an id: never translated). */
  id: string;
  /** `flag` takes no value; `value` takes one; `list` takes one each time it is given. */
  kind: 'flag' | 'value' | 'list';
  /** Placeholder for the value in help text, e.g. `GLOB`. */
  value?: string;
  /** One line for `--help`. */
  help: string;
}

export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
  lists: Map<string, string[]>;
  positionals: string[];
}

/** Thrown for a usage mistake; the message says what was wrong, the caller adds how to get help. */
export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const parsed: ParsedArgs = { flags: new Set(), values: new Map(), lists: new Map(), positionals: [] };
  const byName = new Map(specs.map((spec) => [spec.id, spec]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(l10n.t('unknown option {0}', arg));
      parsed.positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals < 0 ? undefined : equals);
    const spec = byName.get(name);
    if (!spec) throw new UsageError(l10n.t('unknown option {0}', `--${name}`));
    if (spec.kind === 'flag') {
      if (equals >= 0) throw new UsageError(l10n.t('{0} takes no value', `--${name}`));
      parsed.flags.add(name);
      continue;
    }
    const value: string | undefined = equals >= 0 ? arg.slice(equals + 1) : argv[++i];
    if (value === undefined) throw new UsageError(l10n.t('{0} needs a value ({1})', `--${name}`, spec.value ?? 'VALUE'));
    if (spec.kind === 'value') {
      if (parsed.values.has(name)) throw new UsageError(l10n.t('{0} is given twice', `--${name}`));
      parsed.values.set(name, value);
    } else {
      parsed.lists.set(name, [...(parsed.lists.get(name) ?? []), value]);
    }
  }
  return parsed;
}

/** `  --name VALUE   help`, aligned, for `--help`. */
export function describeOptions(specs: readonly OptionSpec[]): string {
  const heads = specs.map((spec) => `--${spec.id}${spec.value ? ` ${spec.value}` : ''}`);
  const width = Math.max(...heads.map((head) => head.length));
  return specs.map((spec, i) => `  ${heads[i].padEnd(width)}  ${spec.help}`).join('\n');
}

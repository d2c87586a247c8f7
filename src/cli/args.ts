import { UsageError } from "./errors";

/** Parsed command line: the command, its positional arguments and its options by long name. */
export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  options: Record<string, string | true>;
}

/** What each command accepts: options taking a value, flags without one, and short aliases. */
export interface OptionSpec {
  values: readonly string[];
  flags: readonly string[];
  aliases?: Readonly<Record<string, string>>;
}

/**
 * Parses `command positional... --name value --name=value --flag -o value`. Unknown options and missing values
 * are {@link UsageError}s naming the option, so a typo never silently changes what the command does.
 *
 * @example
 * parseArgs(["template", "event", "--lang=ru", "-o", "e.xlsx"], spec)
 * // { command: "template", positionals: ["event"], options: { lang: "ru", output: "e.xlsx" } }
 */
export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const [command, ...rest] = argv;
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--") {
      positionals.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else {
      const alias = spec.aliases?.[arg.slice(1)];
      if (!alias) throw new UsageError(`unknown option ${arg}`);
      name = alias;
    }
    if (spec.flags.includes(name)) {
      if (inline !== undefined) throw new UsageError(`option --${name} takes no value`);
      options[name] = true;
    } else if (spec.values.includes(name)) {
      const value = inline ?? rest[++i];
      if (value === undefined || (inline === undefined && value.startsWith("-") && value !== "-")) {
        throw new UsageError(`option --${name} needs a value`);
      }
      options[name] = value;
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  return { command, positionals, options };
}

/** The value of an option that must be one of `allowed`, or `fallback` when absent. */
export function choice<T extends string>(
  options: ParsedArgs["options"],
  name: string,
  allowed: readonly T[],
  fallback: T
): T;
export function choice<T extends string>(
  options: ParsedArgs["options"],
  name: string,
  allowed: readonly T[]
): T | undefined;
export function choice<T extends string>(
  options: ParsedArgs["options"],
  name: string,
  allowed: readonly T[],
  fallback?: T
): T | undefined {
  const v = options[name];
  if (v === undefined) return fallback;
  if (v === true || !(allowed as readonly string[]).includes(v)) {
    throw new UsageError(`--${name} must be one of: ${allowed.join(", ")} (got "${String(v)}")`);
  }
  return v as T;
}

/** The value of an option that takes text, if given. */
export function textOption(options: ParsedArgs["options"], name: string): string | undefined {
  const v = options[name];
  return typeof v === "string" ? v : undefined;
}

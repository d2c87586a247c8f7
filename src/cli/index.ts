import { FileError } from "../file";
import { MetadataError } from "../metadata";
import { EXPORT_OPTIONS, exportCommand } from "./export-command";
import { parseArgs, type OptionSpec } from "./args";
import { EXIT, UsageError } from "./errors";
import { processIo, type CliIo } from "./io";
import { TEMPLATE_OPTIONS, templateCommand } from "./template-command";
import { USAGE } from "./usage";
import { VALIDATE_OPTIONS, validateCommand } from "./validate-command";
import { STANDARDISE_OPTIONS, standardiseCommand } from "./standardise-command";
import { GEOREF_OPTIONS, georefCommand } from "./georef-command";
import { IMPORT_OPTIONS, importCommand } from "./import-command";

export { USAGE } from "./usage";
export { EXIT, UsageError } from "./errors";
export type { CliIo } from "./io";

interface Command {
  options: OptionSpec;
  run(args: ReturnType<typeof parseArgs>, io: CliIo): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  template: { options: TEMPLATE_OPTIONS, run: templateCommand },
  validate: { options: VALIDATE_OPTIONS, run: validateCommand },
  export: { options: EXPORT_OPTIONS, run: exportCommand },
  standardise: { options: STANDARDISE_OPTIONS, run: standardiseCommand },
  georef: { options: GEOREF_OPTIONS, run: georefCommand },
  import: { options: IMPORT_OPTIONS, run: importCommand },
};

function version(): string {
  // The package manifest sits two folders above both src/cli and build/cli.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../../package.json") as { version: string }).version;
}

/**
 * Runs the command line `argv` (without `node` and the script) and resolves to the exit code: 0 done without
 * errors, 1 the data has errors, 2 unusable input. Never throws and never prints a stack trace: file and usage
 * problems become one clear line on stderr; anything unexpected is reported as an internal error with its message
 * (set DWC_EXCEL_DEBUG=1 to see the stack).
 *
 * @example
 * await main(["validate", "examples/occurrence.xlsx", "--json"]); // 0
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.err : io.out)(USAGE);
    return name === undefined ? EXIT.unusable : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.out(`${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(
      `dwc-excel: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(", ")}. See dwc-excel --help.\n`
    );
    return EXIT.unusable;
  }
  try {
    if (argv.includes("--help") || argv.includes("-h")) {
      io.out(USAGE);
      return EXIT.ok;
    }
    return await command.run(parseArgs(argv, command.options), io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`dwc-excel ${name}: ${e.message}\nSee dwc-excel --help.\n`);
    } else if (e instanceof FileError || e instanceof MetadataError) {
      io.err(`dwc-excel ${name}: ${e.message}\n`);
    } else {
      const message = e instanceof Error ? e.message : String(e);
      io.err(`dwc-excel ${name}: internal error: ${message}\n`);
      if (process.env.DWC_EXCEL_DEBUG && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    }
    return EXIT.unusable;
  }
}

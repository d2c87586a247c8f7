// Runs the CLI from src/ without building (development only): node scripts/dev-cli.js validate FILE.xlsx
require("ts-node").register({ transpileOnly: true });
require("../src/cli").main(process.argv.slice(2)).then((code) => { process.exitCode = code; });

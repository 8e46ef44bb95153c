/**
 * npm run --silent parse -- FILE            one JSON object (the parse contract)
 * npm run --silent parse -- --json-lines FILE...   one JSON object per line
 *
 * A file that cannot be read or parsed is named in one line on stderr; the other files still
 * print, and the exit code is 1.
 */
import { Command } from "commander";
import { readFileSync } from "node:fs";
import { parseReport } from "../lib/parse";

/** The contract's keys, in the contract's order: nothing else is printed. */
function contract(file: string, bytes: Uint8Array) {
  const report = parseReport({ fileName: file, bytes });
  return {
    file,
    agency: report.agency,
    year: report.year,
    template: report.template,
    region: report.region,
    values: report.values,
    narrative: report.narrative,
    findings: report.findings,
  };
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "文件不存在 (no such file)";
  if (code === "EISDIR") return "这是一个目录 (is a directory)";
  if (code === "EACCES") return "没有读取权限 (permission denied)";
  return error instanceof Error ? error.message : String(error);
}

function main(argv: string[]): number {
  const program = new Command("parse")
    .description("解析政府信息公开工作年度报告 (parse annual report files into the data contract)")
    .argument("<files...>", "report files (.txt .html .htm; UTF-8 or GB18030)")
    .option("--json-lines", "one compact JSON object per line")
    .parse(argv);
  const { jsonLines } = program.opts<{ jsonLines?: boolean }>();
  let failed = 0;
  for (const file of program.args) {
    try {
      const result = contract(file, readFileSync(file));
      process.stdout.write(`${jsonLines ? JSON.stringify(result) : JSON.stringify(result, null, 2)}\n`);
    } catch (error) {
      failed++;
      process.stderr.write(`parse: ${file}: ${reason(error)}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv);

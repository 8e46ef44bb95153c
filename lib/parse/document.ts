/**
 * What kind of document a text is. Annual reports are found among documents that look like
 * them: the notices that ask for them, the State Council's blank form, 范文 with xx镇 in place
 * of names and numbers, work plans, statistics bulletins, papers, reports from before 2019. Such
 * a document says what it is in its title (…的通知, …实施方案, …范文, …年度报告格式), or shows it
 * by its placeholders; a text with nothing of a report (no report title, no 本报告, no section
 * heading of the template, no table) is none either. The verdict is the checks' (rule
 * document.notReport); the year is the metadata's.
 */
import type { DocumentFacts, DocumentKind } from "../checks/context";
import { findHeadings } from "./headings";
import { isTableLine, plainLine } from "./prose";

/**
 * The word a title ends with, and the kind of document it makes it; longer words first, so that
 * 实施方案 is a plan before 案 is anything. Drawn from real look-alikes and real titles.
 */
const KIND_WORDS: ReadonlyArray<readonly [string, DocumentKind]> = [
  ["年度报告", "report"], ["报告", "report"], ["年报", "report"],
  ["通知", "notice"], ["通告", "notice"],
  ["解释", "interpretation"], ["复函", "interpretation"], ["答复", "interpretation"], ["函", "interpretation"],
  ["制度", "rules"], ["办法", "rules"], ["规定", "rules"], ["细则", "rules"],
  ["方案", "plan"], ["计划", "plan"], ["要点", "plan"],
  ["总结", "summary"],
  ["范文", "sample"], ["范本", "sample"], ["模板", "sample"],
  ["格式", "template"],
  ["报表", "form"], ["统计表", "form"],
  ["统计", "statistics"],
  ["条例", "law"], ["法", "law"],
];

/** A title is about disclosure: it names 信息公开, 政务公开 (资讯公开 in Taiwan) or the report itself. */
const ABOUT_DISCLOSURE = /信息公开|政务公开|资讯公开|年度报告|年报/;
/** A title is short and is not a sentence. */
const TITLE_MAX = 70;
/** What may follow a title's last word: (试行), (2023年度), a closing quote or stop. */
const TITLE_TAIL = /(?:\([^()]*\)|[\s》」”"'.:])*$/;

/**
 * Where a name or a number was left for the writer to fill in (xx镇, 〔xxxx〕xx号, ××县, XX年) or
 * masked by a mirror (****年度, *件): a run of x, × or * touching a Chinese character. Real
 * reports carry none; a footnote star stands apart (数 *), and an x inside a Latin word is a letter.
 */
const PLACEHOLDER_RUN = /(?<![A-Za-z×*])[xX×*]+(?![A-Za-z×*])/g;
const TOUCHED = /[\p{Script=Han}〔〕《》%]/u;

/** 一、总体情况 opens every report of the template; the other headings are the tables' own. */
const OVERVIEW_HEADING = /^\s*一\s*[、.,]\s*总体情况/;
/** A report speaks of itself: 本报告依据…, 本年度报告根据… (a preamble flattened with the rest onto one line). */
const SELF_REFERENCE = /本(?:年度)?报告/;

/** The kind a title-shaped text names by its last word, or null when it is no title. */
function titleKind(text: string): DocumentKind | null {
  if (text.length === 0 || text.length > TITLE_MAX || text.includes("。") || !ABOUT_DISCLOSURE.test(text)) return null;
  const body = text.replace(TITLE_TAIL, "");
  return KIND_WORDS.find(([word]) => body.endsWith(word))?.[1] ?? null;
}

/**
 * The title that says what the document is: a report's title wherever it stands (a page's
 * navigation may name 政府信息公开制度 above it), else the first title naming another kind.
 * Table rows are left out: a page's metadata row may quote the notice a form came with.
 */
function readTitle(lines: readonly string[]): DocumentFacts["title"] {
  const titles = lines.flatMap((raw, index) => {
    if (isTableLine(raw)) return [];
    const text = plainLine(raw);
    const kind = titleKind(text);
    return kind ? [{ kind, text, line: index + 1 }] : [];
  });
  return titles.find((t) => t.kind === "report") ?? titles[0];
}

// a placeholder run needs one of its characters: most lines hold none and are passed over
const PLACEHOLDER_CHARACTER = /[xX×*]/;

function readPlaceholders(lines: readonly string[]): DocumentFacts["placeholders"] {
  return lines.flatMap((line, index) => {
    if (!PLACEHOLDER_CHARACTER.test(line)) return [];
    return [...line.matchAll(PLACEHOLDER_RUN)]
      .filter((m) => TOUCHED.test(line[m.index - 1] ?? "") || TOUCHED.test(line[m.index + m[0].length] ?? ""))
      .map((m) => ({ text: m[0], line: index + 1 }));
  });
}

/** `hasTables`: the parser read the template's tables in the text. */
export function readDocument(lines: readonly string[], hasTables: boolean): DocumentFacts {
  const title = readTitle(lines);
  const headed = findHeadings(lines).length > 0 || lines.some((line) => OVERVIEW_HEADING.test(line));
  const speaksAsReport = lines.some((line) => SELF_REFERENCE.test(line));
  return {
    ...(title && { title }),
    placeholders: readPlaceholders(lines),
    reportSigns: title?.kind === "report" || speaksAsReport || headed || hasTables,
  };
}

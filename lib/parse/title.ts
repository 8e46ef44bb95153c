/**
 * The report's title, wherever it is written: a title line (江左镇人民政府2022年政府信息公开工作
 * 年度报告, 2022年度螅镇政府信息公开工作年度报告, an HTML <title>, a 标题: metadata row), a title
 * split over two lines (乌海市生态环境局 / 2024年政府信息公开工作年度报告), or a title quoted in a
 * sentence (现公布黄平县人民政府2024年政府信息公开工作年度报告).
 */
import { nameAtEnd } from "./agency-name";
import { plainLine } from "./prose";

export interface Title {
  year: number | null;
  /** the agency the title names, if it names one */
  agency: string | null;
  /** 1-based line of the title */
  line: number;
}

const YEAR = String.raw`(?<year>(?:19|20)\d{2})\s*年?\s*度?`;
// 政府信息公开工作年度报告, 政府信息公开年度工作报告, 政府信息公开工作的年度报告, 信息公开工作年度报告,
// 政务公开年度报告, 政府信息公开情况的报告, 政府信息公开工作报告
const REPORT = String.raw`(?:政府|政务)?(?:信息)?公开(?:工作)?(?:的)?(?:年度)?(?:工作)?(?:情况)?(?:的)?报\s*告`;
// the name may sit between the year and the report words: 2021年迎宾路街道政府信息公开…
const MID = String.raw`(?<mid>[^\d。,;:!?]{0,24}?)`;

const DATED_TITLE = new RegExp(String.raw`^(?<pre>.*?)${YEAR}\s*${MID}${REPORT}(?<post>.*)$`);
// 2021年年报, 2020年报_审计局
const SHORT_TITLE = /^(?<pre>.*?)(?<year>(?:19|20)\d{2})\s*年年?报(?!告)(?<post>.*)$/;
// a title line with its year after it, (2023年度), or on the line before: 河包镇政府信息公开工作年度报告
const UNDATED_TITLE =
  /^(?<pre>.*?)(?:政府|政务)?信息公开(?:工作)?年度(?:工作)?报\s*告(?<post>\s*(?:\(\s*(?<year>(?:19|20)\d{2})\s*年?度?\s*\))?.*)$/;

// a title line is short and is not a sentence
const TITLE_LINE_MAX = 70;
// links to other pages name other reports: 上一篇:…2022年政府信息公开工作年度报告
const NAVIGATION = /^(?:上一篇|下一篇|上一条|下一条|上一页|下一页|相关链接|相关文章|相关阅读|相关信息|推荐阅读|往期回顾)/;

interface TitleMatch {
  year: number | null;
  agency: string | null;
}

// 关于做好2023年政府信息公开工作年度报告编制工作的通知: a notice about reports, issued by someone else
const NOTICE_ABOUT_REPORTS = /^(?:编制|发布|报送|公布|有关|相关|工作的通知|的通知)/;

function matchTitle(text: string, patterns: RegExp[]): TitleMatch | null {
  for (const pattern of patterns) {
    const g = pattern.exec(text)?.groups;
    if (!g) continue;
    const year = g.year ? Number(g.year) : null;
    if (NOTICE_ABOUT_REPORTS.test(g.post)) return { year, agency: null };
    return { year, agency: nameAtEnd(g.mid ?? "") ?? nameAtEnd(g.pre) ?? nameAfterTitle(g.post) };
  }
  return null;
}

/** 2020年报_审计局: a name after the title only when it is all that follows. */
function nameAfterTitle(post: string): string | null {
  const rest = post.replace(/^[\s_\-—|:]+/, "").trim();
  return nameAtEnd(rest) === rest ? rest : null;
}

function isTitleLine(text: string): boolean {
  return text.length <= TITLE_LINE_MAX && !text.includes("。") && !NAVIGATION.test(text);
}

export interface Titles {
  /** titles standing on their own lines, in reading order */
  standing: Title[];
  /** titles quoted inside sentences, in reading order */
  quoted: Title[];
}

export function readTitles(lines: readonly string[]): Titles {
  return { standing: titleLines(lines), quoted: quotedTitles(lines) };
}

function titleLines(lines: readonly string[]): Title[] {
  const titles: Title[] = [];
  let previous = "";
  lines.forEach((raw, index) => {
    const text = plainLine(raw);
    if (!text) return;
    const match = isTitleLine(text) ? matchTitle(text, [DATED_TITLE, SHORT_TITLE, UNDATED_TITLE]) : null;
    if (match) titles.push({ ...withLineBefore(match, previous), line: index + 1 });
    previous = text;
  });
  return titles;
}

/** A title that lacks its name or year may have them on the line before: 2019年西街街道 / 政府信息…. */
function withLineBefore(match: TitleMatch, previous: string): TitleMatch {
  if (match.agency || !isTitleLine(previous)) return match;
  const before = /^(?:(?<year>(?:19|20)\d{2})\s*年度?)?(?<name>.*)$/.exec(previous)?.groups ?? {};
  const agency = before.name === nameAtEnd(before.name ?? "") ? before.name : null;
  if (!agency) return match;
  return { agency, year: match.year ?? (before.year ? Number(before.year) : null) };
}

/** Titles quoted in the preamble or in a notice's name. */
function quotedTitles(lines: readonly string[]): Title[] {
  const titles: Title[] = [];
  lines.forEach((raw, index) => {
    const text = plainLine(raw);
    if (isTitleLine(text) || NAVIGATION.test(text)) return;
    for (const sentence of text.split(/[。;]/)) {
      const match = matchTitle(sentence, [DATED_TITLE, SHORT_TITLE]);
      if (match) titles.push({ ...match, line: index + 1 });
    }
  });
  return titles;
}

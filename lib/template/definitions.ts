/**
 * The State Council's two report templates, as data.
 *
 * Every numeric field of a report is named by a key of `../shared/spec/fields.csv`
 * (`requests.granted.natural`, `review.total`, …). The keys are built here from the
 * rows and columns of each table, so that the parser, the checks, the database, the
 * CSV exports and the web app all speak the same vocabulary. Row `labels` are the
 * distinctive words that identify a row in a report (the printed labels vary a little
 * between agencies: 规范性文件 / 行政规范性文件, 内部事务 / 内容事务); they are tried in order.
 */

export type TemplateVersion = "2019" | "2021";
export const TEMPLATE_VERSIONS: readonly TemplateVersion[] = ["2019", "2021"];

export type SectionId = "proactive" | "requests" | "reviews";

export type Unit = "count" | "wan"; // wan: 万元 (10k CNY), decimals kept

export interface ColumnDef {
  /** last segment of the key */
  id: string;
  /** header words as printed */
  label: string;
  unit?: Unit;
  /** a total column: the ids of the columns it adds up (the table's own arithmetic) */
  sumOf?: readonly string[];
}

export interface RowDef {
  /** key stem, e.g. `proactive.regulations` or `requests.denied.stateSecret` */
  stem: string;
  /** the printed label, for display and CSV headers */
  label: string;
  /** distinctive words that identify the row; the first is the canonical one */
  labels: readonly string[];
  /** the group the row belongs to (第二十条第(一)项, (三)不予公开 …), for display */
  group?: string;
  /** columns of this row (proactive rows differ); defaults to the table's columns */
  columns?: readonly ColumnDef[];
}

export interface TableDef {
  section: SectionId;
  /** the heading that opens the table's section */
  heading: string;
  rows: readonly RowDef[];
  columns: readonly ColumnDef[];
  /**
   * Words of the cells that open a group of rows (三、本年度办理结果, (三)不予公开); they share a
   * cell with a row's label in some reports but never name a row themselves.
   */
  groupWords?: readonly string[];
  /**
   * Header words that open the table and nothing else (信息内容, 申请人情况, 结果维持): where a
   * report lacks the section heading, a cell starting with one of them shows where the table is.
   */
  anchors: readonly string[];
  /** the rows are separate items (第二十条第(一)(五)(六)(八)(九)项): a report may leave any of them out */
  independentRows?: boolean;
  /**
   * `rows`: each row is a label followed by its numbers. `sideBySide`: the row labels are column
   * headers and all rows' numbers follow them in one run (the reviews table).
   */
  layout: "rows" | "sideBySide";
}

export interface TemplateDef {
  version: TemplateVersion;
  /** the circular that introduced it */
  source: string;
  tables: readonly TableDef[];
  /** header and row words printed in this template's tables and not in the other's */
  markers: readonly string[];
}

// ---------------------------------------------------------------- section 二

const decisions2021: ColumnDef[] = [{ id: "decisions", label: "本年处理决定数量" }];
const documents2021: ColumnDef[] = [
  { id: "issued", label: "本年制发件数" },
  { id: "abolished", label: "本年废止件数" },
  { id: "inForce", label: "现行有效件数" },
];
const documents2019: ColumnDef[] = [
  { id: "made", label: "本年新制作数量" },
  { id: "published", label: "本年新公开数量" },
  { id: "publicTotal", label: "对外公开总数量" },
];
const items2019: ColumnDef[] = [
  { id: "previousItems", label: "上一年项目数量" },
  { id: "change", label: "本年增/减" },
  { id: "decisions", label: "处理决定数量" },
];

const PROACTIVE_ANCHORS = ["信息内容", "第二十条第(一)项", "第二十条第(五)项", "第二十条第(六)项", "第二十条第(八)项", "第二十条第(九)项"];

const proactive2021: TableDef = {
  section: "proactive",
  heading: "二、主动公开政府信息情况",
  layout: "rows",
  anchors: PROACTIVE_ANCHORS,
  independentRows: true,
  columns: documents2021,
  rows: [
    { stem: "proactive.regulations", label: "规章", labels: ["规章"], group: "第二十条第(一)项", columns: documents2021 },
    { stem: "proactive.normativeDocuments", label: "行政规范性文件", labels: ["行政规范性文件", "规范性文件"], group: "第二十条第(一)项", columns: documents2021 },
    { stem: "proactive.licensing", label: "行政许可", labels: ["行政许可"], group: "第二十条第(五)项", columns: decisions2021 },
    { stem: "proactive.penalty", label: "行政处罚", labels: ["行政处罚"], group: "第二十条第(六)项", columns: decisions2021 },
    { stem: "proactive.coercion", label: "行政强制", labels: ["行政强制"], group: "第二十条第(六)项", columns: decisions2021 },
    {
      stem: "proactive.fees",
      label: "行政事业性收费",
      labels: ["行政事业性收费"],
      group: "第二十条第(八)项",
      columns: [{ id: "amount", label: "本年收费金额(万元)", unit: "wan" }],
    },
  ],
};

const proactive2019: TableDef = {
  section: "proactive",
  heading: "二、主动公开政府信息情况",
  layout: "rows",
  anchors: PROACTIVE_ANCHORS,
  independentRows: true,
  columns: documents2019,
  rows: [
    { stem: "proactive.regulations", label: "规章", labels: ["规章"], group: "第二十条第(一)项", columns: documents2019 },
    { stem: "proactive.normativeDocuments", label: "规范性文件", labels: ["规范性文件"], group: "第二十条第(一)项", columns: documents2019 },
    { stem: "proactive.licensing", label: "行政许可", labels: ["行政许可"], group: "第二十条第(五)项", columns: items2019 },
    { stem: "proactive.otherServices", label: "其他对外管理服务事项", labels: ["其他对外管理服务事项", "对外管理服务"], group: "第二十条第(五)项", columns: items2019 },
    { stem: "proactive.penalty", label: "行政处罚", labels: ["行政处罚"], group: "第二十条第(六)项", columns: items2019 },
    { stem: "proactive.coercion", label: "行政强制", labels: ["行政强制"], group: "第二十条第(六)项", columns: items2019 },
    {
      stem: "proactive.fees",
      label: "行政事业性收费",
      labels: ["行政事业性收费"],
      group: "第二十条第(八)项",
      columns: items2019.slice(0, 2),
    },
    {
      stem: "proactive.procurement",
      label: "政府集中采购",
      labels: ["政府集中采购"],
      group: "第二十条第(九)项",
      columns: [
        { id: "projects", label: "采购项目数量" },
        { id: "amount", label: "采购总金额(万元)", unit: "wan" },
      ],
    },
  ],
};

// ---------------------------------------------------------------- section 三

export const APPLICANT_COLUMNS: readonly ColumnDef[] = [
  { id: "natural", label: "自然人" },
  { id: "commercial", label: "商业企业" },
  { id: "research", label: "科研机构" },
  { id: "socialOrg", label: "社会公益组织" },
  { id: "legal", label: "法律服务机构" },
  { id: "other", label: "其他" },
  { id: "total", label: "总计", sumOf: ["natural", "commercial", "research", "socialOrg", "legal", "other"] },
];

const requestRowsHead: RowDef[] = [
  { stem: "requests.newReceived", label: "一、本年新收政府信息公开申请数量", labels: ["本年新收", "新收"] },
  { stem: "requests.carriedOver", label: "二、上年结转政府信息公开申请数量", labels: ["上年结转"] },
  { stem: "requests.granted", label: "(一)予以公开", labels: ["予以公开"], group: "三、本年度办理结果" },
  { stem: "requests.partiallyGranted", label: "(二)部分公开", labels: ["部分公开"], group: "三、本年度办理结果" },
  { stem: "requests.denied.stateSecret", label: "1.属于国家秘密", labels: ["国家秘密"], group: "(三)不予公开" },
  { stem: "requests.denied.prohibitedByLaw", label: "2.其他法律行政法规禁止公开", labels: ["禁止公开"], group: "(三)不予公开" },
  { stem: "requests.denied.threeSecurities", label: "3.危及“三安全一稳定”", labels: ["三安全", "一稳定"], group: "(三)不予公开" },
  { stem: "requests.denied.thirdPartyRights", label: "4.保护第三方合法权益", labels: ["第三方"], group: "(三)不予公开" },
  { stem: "requests.denied.internalAffairs", label: "5.属于三类内部事务信息", labels: ["内部事务", "内容事务", "三类"], group: "(三)不予公开" },
  { stem: "requests.denied.processInfo", label: "6.属于四类过程性信息", labels: ["过程性", "四类"], group: "(三)不予公开" },
  { stem: "requests.denied.enforcementFiles", label: "7.属于行政执法案卷", labels: ["执法案卷"], group: "(三)不予公开" },
  { stem: "requests.denied.queryMatters", label: "8.属于行政查询事项", labels: ["查询事项"], group: "(三)不予公开" },
  { stem: "requests.unavailable.notHeld", label: "1.本机关不掌握相关政府信息", labels: ["不掌握"], group: "(四)无法提供" },
  { stem: "requests.unavailable.needsCreation", label: "2.没有现成信息需要另行制作", labels: ["另行制作", "没有现成"], group: "(四)无法提供" },
  { stem: "requests.unavailable.unclear", label: "3.补正后申请内容仍不明确", labels: ["不明确"], group: "(四)无法提供" },
  { stem: "requests.notProcessed.complaint", label: "1.信访举报投诉类申请", labels: ["信访", "举报投诉"], group: "(五)不予处理" },
  { stem: "requests.notProcessed.duplicate", label: "2.重复申请", labels: ["重复申请"], group: "(五)不予处理" },
  { stem: "requests.notProcessed.publication", label: "3.要求提供公开出版物", labels: ["出版物"], group: "(五)不予处理" },
  { stem: "requests.notProcessed.massRepeated", label: "4.无正当理由大量反复申请", labels: ["大量反复"], group: "(五)不予处理" },
  { stem: "requests.notProcessed.confirmation", label: "5.要求行政机关确认或重新出具已获取信息", labels: ["重新出具", "确认或"], group: "(五)不予处理" },
];

const requestRowsTail: RowDef[] = [
  { stem: "requests.totalHandled", label: "(七)总计", labels: ["总计"], group: "三、本年度办理结果" },
  { stem: "requests.carriedForward", label: "四、结转下年度继续办理", labels: ["结转下年度", "下年度"] },
];

const REQUEST_GROUPS = ["本年度办理结果", "不予公开", "无法提供", "不予处理"];
const REQUEST_ANCHORS = ["(本列数据的勾稽关系", "申请人情况", "法人或其他组织"];

const requests2021: TableDef = {
  section: "requests",
  heading: "三、收到和处理政府信息公开申请情况",
  layout: "rows",
  anchors: REQUEST_ANCHORS,
  columns: APPLICANT_COLUMNS,
  groupWords: [...REQUEST_GROUPS, "其他处理"],
  rows: [
    ...requestRowsHead,
    { stem: "requests.otherHandling.noCorrection", label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", labels: ["不补正"], group: "(六)其他处理" },
    { stem: "requests.otherHandling.unpaidFee", label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", labels: ["收费通知", "缴纳费用"], group: "(六)其他处理" },
    { stem: "requests.otherHandling.other", label: "3.其他", labels: ["其他"], group: "(六)其他处理" },
    ...requestRowsTail,
  ],
};

const requests2019: TableDef = {
  section: "requests",
  heading: "三、收到和处理政府信息公开申请情况",
  layout: "rows",
  anchors: REQUEST_ANCHORS,
  columns: APPLICANT_COLUMNS,
  groupWords: REQUEST_GROUPS,
  rows: [
    ...requestRowsHead,
    { stem: "requests.otherHandling.other", label: "(六)其他处理", labels: ["其他处理"], group: "三、本年度办理结果" },
    ...requestRowsTail,
  ],
};

// ---------------------------------------------------------------- section 四

const RESULT_COLUMNS: readonly ColumnDef[] = [
  { id: "upheld", label: "结果维持" },
  { id: "corrected", label: "结果纠正" },
  { id: "other", label: "其他结果" },
  { id: "pending", label: "尚未审结" },
  { id: "total", label: "总计", sumOf: ["upheld", "corrected", "other", "pending"] },
];

/** The reviews table prints its three groups side by side on one row of 15 numbers. */
const reviews: TableDef = {
  section: "reviews",
  heading: "四、政府信息公开行政复议、行政诉讼情况",
  layout: "sideBySide",
  anchors: ["结果维持", "尚未审结", "未经复议直接起诉", "行政诉讼"],
  columns: RESULT_COLUMNS,
  rows: [
    { stem: "review", label: "行政复议", labels: ["行政复议"] },
    { stem: "litigationDirect", label: "行政诉讼 未经复议直接起诉", labels: ["未经复议直接起诉", "直接起诉"] },
    { stem: "litigationAfterReview", label: "行政诉讼 复议后起诉", labels: ["复议后起诉"] },
  ],
};

export const TEMPLATES: Record<TemplateVersion, TemplateDef> = {
  "2019": {
    version: "2019",
    source: "国办公开办函〔2019〕60号",
    tables: [proactive2019, requests2019, reviews],
    markers: ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "其他对外管理服务事项", "政府集中采购", "采购总金额"],
  },
  "2021": {
    version: "2021",
    source: "国办公开办函〔2021〕30号",
    tables: [proactive2021, requests2021, reviews],
    markers: ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "逾期不补正", "收费通知"],
  },
};

/** Which template the State Council prescribes for a report year. */
export function templateForYear(year: number): TemplateVersion {
  return year <= 2020 ? "2019" : "2021";
}

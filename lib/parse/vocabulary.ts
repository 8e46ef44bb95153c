/**
 * The words the metadata and narrative readers recognise, kept apart from the code that uses
 * them so that a new phrasing is a one-line change. Every list was drawn from real reports.
 */

/** How an agency's name ends: 镇巴县人民政府办公室, 长沙市生态环境局, 佳荣里街, 桃园开发区管委会. */
export const AGENCY_SUFFIXES = [
  "政府", "办公室", "办公厅", "办事处", "管委会", "委员会", "局", "厅", "委", "办", "中心", "部", "处",
  "所", "院", "队", "社", "馆", "会", "海关",
  "镇", "乡", "街道", "街", "区", "县", "市", "州", "盟", "旗", "省", "自治区",
];

/** Names that only say "a government of some level", not which one: 县人民政府, 乡镇, 区委区政府. */
export const BARE_AGENCY_NAMES = /^(?:[省市县区乡镇街]|街道|党?委|党工委|人民|政府|办公室|办事处|和|及)+$/;

/**
 * A name never starts with a self-reference or a quantifier: 我局, 该局, 各级; nor with 本, 全 or
 * 贵 before a generic word (本镇, 全县, 贵单位), which places start with too: 本溪市, 全州县, 贵州省.
 */
export const NOT_A_NAME_START =
  /^(?:我|该|此|各|上级|下级|有关|相关|[本全贵](?:[省市县区镇乡局委厅办院所处司级]|单位|机关|部门|街道|中心))/;

/**
 * Words that introduce a name inside a sentence: 现公布黄平县人民政府2024年…, 特编制湛江市….
 * Regex fragments: 编制 is no lead-in in 机构编制委员会办公室.
 */
export const NAME_LEAD_INS = [
  "现向社会公布", "特向社会公布", "向社会公布", "现予公布", "现公布", "特编制并", "特编制", "现发布",
  "现将", "特将", "形成了", "编制形成", "编制(?!委员会)", "发布", "公布", "关于做好", "做好", "关于印发", "印发", "关于",
  "汇总", "结合",
];

/** Words that tie a name to the title after it: 某镇人民政府关于2023年度…的报告. */
export const NAME_TIES = /(?:关于|的|之)$/;

/**
 * Spam mirrors replace place names with gambling brands or domains (uedbet体育_uedbet官网@:西柳镇,
 * puroview.com交通运输局, 新葡京博彩官网区人民政府…): everything up to the last such token is spam.
 * 体育 and 在线 are spam only glued to a brand (开云体育): 教育体育局 is a real bureau.
 */
export const SPAM_TOKENS =
  /(?:[A-Za-z][A-Za-z0-9_.@:\-/]*|官网|博彩|彩票|足彩|葡京|赌|棋牌|真人|电竞|百家乐|老虎机|开云|华体会|九游|亚博|威尼斯人|哪个是正规的)(?:体育|在线|娱乐|官网)*/g;

/** Verbs that follow the subject of a 总体情况 sentence: 区统计局紧紧围绕…, 武汉市坚持…. */
export const SUBJECT_VERBS = [
  "认真", "坚持", "严格", "高度重视", "紧紧围绕", "紧密围绕", "紧扣", "围绕", "进一步", "深入", "持续",
  "全面", "不断", "积极", "扎实", "始终", "以习近平", "按照", "根据", "依据", "依托", "结合", "聚焦",
  "立足", "着力", "切实", "依法", "大力", "贯彻", "落实", "继续", "牢固", "遵循", "在", "把", "对",
  "通过", "共", "累计", "主动",
];

/** Sub-units named in a contact or compiler line that are not the reporting agency itself. */
export const INTERNAL_UNITS =
  /(?:党政综合办公室|党政办公室|党政综合办|党政办|综合办公室|综合办|政务公开(?:工作)?(?:机构|办公室|办)|(?<=局|委|厅|中心)办公室)$/;

/** Time phrases that open a sentence before its subject: 2022年, 2019年度, 全年, 一年以来. */
export const SENTENCE_OPENERS = /^(?:(?:19|20)\d{2}\s*年(?:度)?(?:以来)?|一年(?:以)?来|全年|本年度|今年以来|年内)\s*/;

/**
 * The narrative sections of a sample report (一, 五, 六), in the plain official style of the
 * seeds. Every paragraph is drawn from a bank of interchangeable sentences with their own
 * fill-ins (topics, channels, numbers of sessions), so that two clean reports share no more
 * wording than two real ones do (real consecutive reports of one agency share 2–8%): the copy
 * rules must stay silent on a clean corpus. The figures a parser reads from the prose are always
 * stated the way real reports state them: 主动公开政府信息N条, 收到政府信息公开申请N件 (or that
 * none was received), 行政复议N件 and 行政诉讼N件 (or that there were none). Other sentences carry
 * no count a reader could take for one of them: their numbers are of sessions (场, 期) and people.
 */
import type { SampleAgency } from "./agencies";
import type { Random } from "./random";

export interface ProseFacts {
  agency: SampleAgency;
  /** the year the text speaks of: the report's own, unless it was written for another */
  year: number;
  proactiveItems: number;
  /** the counts the text states (an injected error may make one differ from the table) */
  requestsStated: number;
  reviewsStated: number;
  lawsuitsStated: number;
}

/** How an agency speaks of itself: 我镇, 我街道, 我局, 我办. */
function self(agency: SampleAgency): string {
  if (agency.kind === "township") return agency.nameCore.endsWith("街道") ? "我街道" : "我镇";
  return agency.name.endsWith("办公室") ? "我办" : "我局";
}

const county = (agency: SampleAgency) => agency.regionPath[2] ?? "";
const portal = (agency: SampleAgency) => `${county(agency)}人民政府门户网站`;

/** `n` different items in random order. */
function some<T>(random: Random, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(random.int(0, pool.length - 1), 1)[0]);
  return out;
}

const TOPICS = [
  "乡村振兴", "财政预决算", "重大建设项目", "义务教育", "医疗卫生", "生态环境保护", "安全生产", "就业创业",
  "社会救助", "农业农村", "食品药品安全", "城乡建设", "营商环境", "民生实事", "防汛救灾", "养老服务",
  "住房保障", "耕地保护", "退役军人服务", "人口监测",
];

const topics = (random: Random, n: number) => some(random, TOPICS, n).join("、");

/** A sentence written from the facts and its own draws. */
type Sentence = (facts: ProseFacts, random: Random) => string;

/** `n` sentences of the bank, in random order, each written with its own draws. */
function sentences(facts: ProseFacts, random: Random, bank: readonly Sentence[], n: number): string {
  return some(random, bank, n)
    .map((write) => write(facts, random))
    .join("");
}

// ---------------------------------------------------------------- 一、总体情况

const OPENINGS: readonly Sentence[] = [
  ({ year, agency }) => `${year}年,${agency.name}在县委、县政府的坚强领导下,`,
  ({ year, agency }) => `${year}年,${agency.name}坚持以习近平新时代中国特色社会主义思想为指导,`,
  ({ year, agency }) => `${year}年以来,${agency.name}认真对标上级政务公开工作要点,`,
  ({ year, agency }) => `${year}年,${agency.name}围绕年度重点任务,`,
  ({ year, agency }) => `${year}年,${agency.name}按照${county(agency)}政务公开工作安排,`,
  ({ year, agency }) => `${year}年度,${agency.name}把政务公开作为转变作风、优化服务的重要抓手,`,
];
const COMMITMENTS: readonly Sentence[] = [
  () => "深入贯彻落实《中华人民共和国政府信息公开条例》,",
  () => "坚持以公开为常态、不公开为例外,",
  () => "严格执行政府信息公开各项制度,",
  () => "持续深化决策、执行、管理、服务、结果公开,",
  () => "不断提升政务公开标准化规范化水平,",
  () => "把群众关心关注的事项作为公开重点,",
];
const RESULTS: readonly Sentence[] = [
  (_, random) => `紧紧围绕${topics(random, 2)}等中心工作,政府信息公开工作取得了新的成效。`,
  () => "扎实推进各项公开任务落地落实,公开质效稳步提升。",
  (_, random) => `着力做好${topics(random, 3)}等领域的信息发布,群众获得感进一步增强。`,
  () => "切实保障人民群众的知情权、参与权和监督权。",
  () => "较好完成了全年政务公开各项目标任务。",
  (_, random) => `以公开促落实、以公开促规范,为${topics(random, 1)}工作营造了良好环境。`,
];

const PROACTIVE_LEADS: readonly Sentence[] = [
  ({ year, agency }) => `${year}年,${self(agency)}通过${portal(agency)}等渠道`,
  ({ year, agency }) => `${year}年全年通过${portal(agency)}、政务公开栏等平台`,
  ({ year }) => `${year}年度共计`,
  ({ year, agency }) => `${year}年,${self(agency)}依托政务新媒体和公开栏`,
];
const PROACTIVE_MORE: readonly Sentence[] = [
  (_, random) => `重点公开了${topics(random, 3)}等方面的信息。`,
  (_, random) => `围绕${topics(random, 2)}等群众关注的热点,及时发布政策措施和办理结果。`,
  () => "对涉及群众切身利益的事项做到应公开尽公开。",
  (_, random) => `组织政策解读${random.int(2, 9)}期,以图文、问答等形式讲清政策要点。`,
  () => "对照基层政务公开标准目录,逐项梳理公开事项,动态调整公开内容。",
  (_, random) => `在村(社区)公开栏张贴惠民政策${random.int(3, 12)}期,方便群众就近查阅。`,
  () => "财政预决算、“三公”经费等信息均按时限要求公开到位。",
  () => "重要政策文件出台后同步开展解读,回应社会关切。",
  (_, random) => `召开政策宣讲会${random.int(2, 8)}场,面对面为群众解疑释惑。`,
  () => "主动公开内容涵盖机构职能、政策文件、规划计划、重点项目等。",
];

const REQUEST_MORE: readonly Sentence[] = [
  () => "严格按照登记、审核、办理、答复、归档的流程办理。",
  () => "进一步规范依申请公开答复文书格式,提高答复质量。",
  () => "对复杂申请事项及时会商法律顾问,确保答复合法合规。",
  () => "畅通信函、网络、当面等申请渠道,为申请人提供便利。",
  () => "建立依申请公开办理台账,做到件件有登记、事事有回音。",
  () => "依法保障申请人的合法权益。",
];

const MANAGEMENT: readonly Sentence[] = [
  (facts) => `${self(facts.agency)}严格落实信息发布审核制度,坚持“先审查、后公开”和“一事一审”。`,
  () => "健全信息公开保密审查机制,对拟公开信息逐条把关。",
  () => "动态更新政府信息公开目录和公开指南,确保公开内容准确规范。",
  (facts) => `${self(facts.agency)}明确专人负责政务公开日常工作,做到分工明确、责任到人。`,
  () => "对公开的政策文件开展清理,及时标注失效、废止文件。",
  () => "加强个人信息保护,对涉及个人隐私的内容作去标识化处理。",
  () => "规范政府信息公开工作流程,形成了起草、审核、发布、归档的闭环管理。",
  (_, random) => `全年组织保密审查和内容核查${random.int(2, 6)}轮,未发生泄密和错发事件。`,
];

const PLATFORMS: readonly Sentence[] = [
  (facts) => `依托${portal(facts.agency)}${facts.agency.kind === "township" ? "乡镇专栏" : "部门专栏"},及时更新栏目内容。`,
  () => "优化政府网站栏目设置,方便群众查询获取政府信息。",
  () => "完善网站无障碍和适老化服务功能,提升访问体验。",
  () => "加强政务新媒体管理,做到内容审核与发布同步规范。",
  () => "在便民服务中心设置政府信息查阅点,配备查阅设备。",
  (_, random) => `更新维护政务公开栏${random.int(2, 9)}个,确保线下公开渠道畅通。`,
  () => "推动政务公开专区与政务服务大厅融合,提供“一站式”查询服务。",
  () => "定期开展网站和新媒体自查,及时纠正错链、断链等问题。",
];

const OVERSIGHT: readonly Sentence[] = [
  (facts) => `${self(facts.agency)}将政务公开工作纳入年度目标责任考核,`,
  (_, random) => `组织政务公开业务培训${random.int(1, 5)}场,参训${random.int(20, 150)}余人,`,
  () => "定期开展自查整改,发现问题及时纠正,",
  () => "畅通社会评议渠道,主动接受群众和媒体监督,",
  () => "邀请群众代表参与政务公开评议,",
  () => "对照上级反馈意见逐条整改落实,",
];
const OVERSIGHT_CLOSES: readonly Sentence[] = [
  () => "本年度未发生因政府信息公开工作被追责的情况。",
  () => "全年未发生因信息公开不当引发的舆情事件。",
  () => "政务公开工作的规范化水平持续提升。",
  () => "形成了一级抓一级、层层抓落实的工作格局。",
];

function proactiveSentence(facts: ProseFacts, random: Random): string {
  return `${random.pick(PROACTIVE_LEADS)(facts, random)}主动公开政府信息${facts.proactiveItems}条,${sentences(facts, random, PROACTIVE_MORE, 2)}`;
}

function requestsSentence({ requestsStated }: ProseFacts, random: Random): string {
  if (requestsStated === 0) return random.pick(["本年度未收到政府信息公开申请。", "全年未收到政府信息公开申请,无依申请公开办理事项。"]);
  return `全年共收到政府信息公开申请${requestsStated}件,${random.pick(["均在法定期限内予以答复。", "已全部依法依规办理完毕或按规定结转办理。", "严格按照法定程序登记、审核、答复。"])}`;
}

function proceedingsSentence({ reviewsStated, lawsuitsStated }: ProseFacts, random: Random): string {
  if (reviewsStated === 0 && lawsuitsStated === 0) {
    return random.pick(["全年未发生因政府信息公开引起的行政复议、行政诉讼。", "本年度未发生政府信息公开行政复议和行政诉讼案件。"]);
  }
  return `全年发生政府信息公开行政复议案件${reviewsStated}件、行政诉讼案件${lawsuitsStated}件,${random.pick(["均已依法应对。", "已按要求做好答复和应诉工作。"])}`;
}

export function overview(facts: ProseFacts, random: Random): string[] {
  const intro = [OPENINGS, COMMITMENTS, RESULTS].map((bank) => random.pick(bank)(facts, random)).join("");
  return [
    intro,
    "(一)主动公开",
    proactiveSentence(facts, random),
    "(二)依申请公开",
    `${requestsSentence(facts, random)}${sentences(facts, random, REQUEST_MORE, random.int(1, 2))}${proceedingsSentence(facts, random)}`,
    "(三)政府信息管理",
    sentences(facts, random, MANAGEMENT, random.int(2, 3)),
    "(四)政府信息公开平台建设",
    sentences(facts, random, PLATFORMS, random.int(2, 3)),
    "(五)监督保障",
    `${sentences(facts, random, OVERSIGHT, random.int(1, 2))}${random.pick(OVERSIGHT_CLOSES)(facts, random)}`,
  ];
}

// ---------------------------------------------------------------- 五、存在的主要问题及改进情况

const PROBLEMS: readonly string[] = [
  "公开内容不够全面、更新不够及时",
  "政策解读形式较为单一、解读深度不够",
  "工作人员业务水平有待提高",
  "基层公开栏内容更新滞后",
  "公开信息的可读性和实用性不强",
  "政务新媒体互动回应不够及时",
  "部分栏目信息发布不够规范",
  "依申请公开答复的说理性有待加强",
  "公开工作的主动性还需增强",
  "对公开工作的考核评价还不够精细",
];
const IMPROVEMENTS: readonly string[] = [
  "加强业务培训,提升工作人员能力",
  "丰富政策解读形式,增强解读实效",
  "健全常态化监督检查机制",
  "及时更新公开栏和网站栏目内容",
  "聚焦群众关切,拓展公开的广度和深度",
  "规范依申请公开办理流程,提升答复质量",
  "加强政务新媒体建设和管理",
  "完善公开工作考核办法",
  "落实专人专责,确保公开工作不断档",
  "推进政务公开与政务服务深度融合",
  "做好重要政策的精准推送",
  "强化信息发布前的审核把关",
];

export function problems(facts: ProseFacts, random: Random): string[] {
  const { agency, year } = facts;
  const issues = some(random, PROBLEMS, random.int(2, 3)).join("、");
  const steps = some(random, IMPROVEMENTS, random.int(2, 4)).join(";");
  const lead = random.pick([`${year}年,${agency.name}政府信息公开工作虽取得一定成效,但仍存在`, `回顾${year}年工作,${self(agency)}政务公开工作仍存在`, `${year}年,${self(agency)}的政务公开工作对照上级要求,还存在`]);
  return [`${lead}${issues}等问题。下一步,${self(agency)}将${steps},推动政府信息公开工作规范化、标准化。`];
}

// ---------------------------------------------------------------- 六、其他需要报告的事项

export function otherMatters({ year }: ProseFacts, random: Random): string[] {
  return [random.pick([`${year}年度未收取政府信息公开信息处理费。`, `${year}年度本机关未发生收取信息处理费的情况。`, `${year}年无其他需要报告的事项。`])];
}

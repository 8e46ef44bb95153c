/**
 * The narrative sections of a sample report (一, 五, 六), in the plain official style of the
 * seeds. Sentences vary between reports, but the two figures a parser reads from the prose are
 * always stated the way real reports state them: 主动公开政府信息N条 and 收到政府信息公开申请N件
 * (or that none was received).
 */
import type { SampleAgency } from "./agencies";
import type { Random } from "./random";

export interface ProseFacts {
  agency: SampleAgency;
  year: number;
  proactiveItems: number;
  /** the requests the text says were received (an injected error may make it differ) */
  requestsStated: number;
}

/** How an agency speaks of itself: 我镇, 我街道, 我局, 我办. */
function self(agency: SampleAgency): string {
  if (agency.kind === "township") return agency.nameCore.endsWith("街道") ? "我街道" : "我镇";
  return agency.name.endsWith("办公室") ? "我办" : "我局";
}

const PORTAL = "镇巴县人民政府门户网站";

export function overview(facts: ProseFacts, random: Random): string[] {
  const { agency, year } = facts;
  const we = self(agency);
  return [
    `${year}年,${agency.name}在县委、县政府的坚强领导下,${random.pick([
      "深入贯彻落实《中华人民共和国政府信息公开条例》",
      "认真落实《中华人民共和国政府信息公开条例》和省、市、县政务公开工作要点",
      "坚持以公开为常态、不公开为例外",
    ])},紧紧围绕中心工作,扎实推进决策、执行、管理、服务、结果公开,政府信息公开工作取得了新的成效。`,
    "(一)主动公开",
    proactiveSentence(facts, random),
    "(二)依申请公开",
    requestsSentence(facts, random),
    "(三)政府信息管理",
    `${we}${random.pick(["严格落实信息发布审核制度", "坚持“先审查、后公开”和“一事一审”", "健全信息公开保密审查机制"])},对拟公开信息逐条把关,动态更新政府信息公开目录,确保公开内容准确规范。`,
    "(四)政府信息公开平台建设",
    `依托${PORTAL}${agency.kind === "township" ? "乡镇专栏" : "部门专栏"}和政务新媒体,${random.pick(["优化栏目设置", "完善无障碍和适老化服务", "及时更新专栏内容"])},方便群众查询获取政府信息。`,
    "(五)监督保障",
    `${we}将政务公开工作纳入年度目标责任考核,${random.pick(["定期开展自查整改", "组织业务培训", "畅通社会评议渠道"])},主动接受社会监督,本年度未发生因政府信息公开工作被追责的情况。`,
  ];
}

function proactiveSentence({ agency, year, proactiveItems }: ProseFacts, random: Random): string {
  const lead = random.pick([`${year}年,${self(agency)}通过${PORTAL}等渠道`, `全年通过${PORTAL}、政务公开栏等平台`, "本年度"]);
  return `${lead}主动公开政府信息${proactiveItems}条,${random.pick([
    "涵盖机构职能、政策文件、财政预决算、重点项目等内容",
    "重点做好惠民惠农政策、乡村振兴、民生实事等领域信息公开",
    "及时回应社会关切",
  ])}。`;
}

function requestsSentence({ requestsStated }: ProseFacts, random: Random): string {
  if (requestsStated === 0) return random.pick(["本年度未收到政府信息公开申请。", "全年未收到政府信息公开申请,无依申请公开办理事项。"]);
  return `全年共收到政府信息公开申请${requestsStated}件,${random.pick([
    "均在法定期限内予以答复",
    "已全部依法依规办理完毕或按规定结转办理",
    "严格按照法定程序登记、审核、答复",
  ])}。`;
}

export function problems({ agency, year }: ProseFacts, random: Random): string[] {
  return [
    `${year}年,${agency.name}政府信息公开工作虽取得一定成效,但仍存在${random.pick([
      "公开内容不够全面、更新不够及时",
      "政策解读形式较为单一、解读深度不够",
      "工作人员业务水平有待提高",
    ])}等问题。下一步,${self(agency)}将${random.pick([
      "加强业务培训,提升工作人员能力",
      "丰富政策解读形式,增强解读实效",
      "健全常态化监督检查机制",
    ])},推动政府信息公开工作规范化、标准化。`,
  ];
}

export function otherMatters({ year }: ProseFacts, random: Random): string[] {
  return [random.pick([`${year}年度未收取政府信息公开信息处理费。`, "本年度未发生收取信息处理费的情况。", "无其他需要报告的事项。"])];
}

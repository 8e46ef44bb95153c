/**
 * Who reports in the sample county: every township of 镇巴县 (from the gazetteer, so the codes
 * are the real ones) and eight county departments, each with a profile of how much it does in
 * a typical year. Profiles make the figures heavy-tailed the way real ones are: most townships
 * receive no requests at all, the county seat some, and a few departments most of the
 * licensing, penalties and fees.
 */
import { allRegions, regionByCode } from "../regions/gazetteer";
import type { Random } from "./random";

export const SAMPLE_COUNTY_CODE = "610728"; // 陕西省汉中市镇巴县

/** Typical yearly figures; each year draws around them. */
export interface Profile {
  /** median new requests a year; below 1 it is the chance of receiving any */
  requests: number;
  licensing: number;
  penalty: number;
  coercion: number;
  /** 万元 of administrative fees a year; 0 for an agency that charges none */
  fees: number;
  /** normative documents issued a year */
  documents: number;
  /** items proactively disclosed a year */
  proactive: number;
}

export interface SampleAgency {
  /** the name the report gives itself */
  name: string;
  /** the part of the name a parser must find (the township, or the whole department name) */
  nameCore: string;
  kind: "township" | "department";
  regionCode: string;
  regionPath: string[];
  profile: Profile;
}

const DEPARTMENTS: readonly [string, Profile][] = [
  ["镇巴县人民政府办公室", { requests: 12, licensing: 0, penalty: 0, coercion: 0, fees: 0, documents: 6, proactive: 3200 }],
  ["镇巴县教育体育局", { requests: 3, licensing: 40, penalty: 2, coercion: 0, fees: 4, documents: 2, proactive: 420 }],
  ["镇巴县公安局", { requests: 6, licensing: 2200, penalty: 1500, coercion: 90, fees: 18, documents: 1, proactive: 310 }],
  ["镇巴县自然资源局", { requests: 18, licensing: 180, penalty: 35, coercion: 6, fees: 160, documents: 2, proactive: 520 }],
  ["镇巴县市场监督管理局", { requests: 4, licensing: 1300, penalty: 140, coercion: 25, fees: 3, documents: 1, proactive: 640 }],
  ["镇巴县住房和城乡建设局", { requests: 7, licensing: 150, penalty: 20, coercion: 3, fees: 35, documents: 2, proactive: 360 }],
  ["镇巴县卫生健康局", { requests: 2, licensing: 320, penalty: 60, coercion: 2, fees: 1.5, documents: 1, proactive: 410 }],
  ["镇巴县交通运输局", { requests: 2, licensing: 420, penalty: 210, coercion: 30, fees: 8, documents: 1, proactive: 260 }],
];

/** The townships (and the 街道 that is the county seat) and the departments, in gazetteer order. */
export function sampleAgencies(random: Random): SampleAgency[] {
  const county = regionByCode(SAMPLE_COUNTY_CODE);
  if (!county) throw new Error(`the gazetteer has no county ${SAMPLE_COUNTY_CODE}`);
  const townships = allRegions()
    .filter((r) => r.parentCode === SAMPLE_COUNTY_CODE)
    .map((r): SampleAgency => {
      const seat = r.name.endsWith("街道");
      return {
        name: seat ? `${r.name}办事处` : `${r.name}人民政府`,
        nameCore: r.name,
        kind: "township",
        regionCode: r.code,
        regionPath: r.path,
        profile: townshipProfile(random, seat),
      };
    });
  const departments = DEPARTMENTS.map(([name, profile]): SampleAgency => ({
    name,
    nameCore: name,
    kind: "department",
    regionCode: county.code,
    regionPath: county.path,
    profile,
  }));
  return [...townships, ...departments];
}

/** Most townships get a request every few years; one in six is busier; the seat busier still. */
function townshipProfile(random: Random, seat: boolean): Profile {
  const busy = seat || random.chance(1 / 6);
  return {
    requests: seat ? 9 : busy ? 2 + 3 * random.next() : 0.12,
    licensing: seat ? 60 : Math.round(12 * random.lognormal(0.8)),
    penalty: seat ? 15 : random.chance(0.5) ? Math.round(3 * random.lognormal(0.8)) : 0,
    coercion: random.chance(0.2) ? 1 : 0,
    fees: 0,
    documents: random.chance(0.4) ? 1 : 0,
    proactive: Math.round((seat ? 900 : 220) * random.lognormal(0.4)),
  };
}

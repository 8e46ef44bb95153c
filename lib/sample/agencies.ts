/**
 * Who reports in a sample county: every township (from the gazetteer, so the codes are the real
 * ones) and the county's departments, each with a profile of how much it does in a typical year.
 * The default sample is 镇巴县 with eight departments. Profiles make the figures heavy-tailed the way real ones are: most townships
 * receive no requests at all, the county seat some, and a few departments most of the
 * licensing, penalties and fees.
 */
import { allRegions, regionByCode, type Region } from "../regions/gazetteer";
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
  /**
   * The place a report's title writes before the agency's name unless the name starts with it:
   * the county by default; the nationwide corpus names one that tells namesakes apart (南京市鼓楼区).
   */
  titlePlace?: string;
}

/** The county departments of the default sample, by their job; a department's name is its county's and its job. */
export const DEPARTMENTS: readonly [string, Profile][] = [
  ["人民政府办公室", { requests: 12, licensing: 0, penalty: 0, coercion: 0, fees: 0, documents: 6, proactive: 3200 }],
  ["教育体育局", { requests: 3, licensing: 40, penalty: 2, coercion: 0, fees: 4, documents: 2, proactive: 420 }],
  ["公安局", { requests: 6, licensing: 2200, penalty: 1500, coercion: 90, fees: 18, documents: 1, proactive: 310 }],
  ["自然资源局", { requests: 18, licensing: 180, penalty: 35, coercion: 6, fees: 160, documents: 2, proactive: 520 }],
  ["市场监督管理局", { requests: 4, licensing: 1300, penalty: 140, coercion: 25, fees: 3, documents: 1, proactive: 640 }],
  ["住房和城乡建设局", { requests: 7, licensing: 150, penalty: 20, coercion: 3, fees: 35, documents: 2, proactive: 360 }],
  ["卫生健康局", { requests: 2, licensing: 320, penalty: 60, coercion: 2, fees: 1.5, documents: 1, proactive: 410 }],
  ["交通运输局", { requests: 2, licensing: 420, penalty: 210, coercion: 30, fees: 8, documents: 1, proactive: 260 }],
];

/** Four more departments for the large corpus, so that a city has enough agencies with requests to compare rates. */
export const MORE_DEPARTMENTS: readonly [string, Profile][] = [
  ["人力资源和社会保障局", { requests: 10, licensing: 60, penalty: 5, coercion: 0, fees: 2, documents: 1, proactive: 380 }],
  ["农业农村局", { requests: 5, licensing: 90, penalty: 40, coercion: 5, fees: 1, documents: 1, proactive: 350 }],
  ["民政局", { requests: 3, licensing: 20, penalty: 1, coercion: 0, fees: 0, documents: 1, proactive: 300 }],
  ["财政局", { requests: 8, licensing: 0, penalty: 2, coercion: 0, fees: 0, documents: 2, proactive: 450 }],
];

export interface CountyOptions {
  departments: readonly [string, Profile][];
  /** how busy the county is: its departments' figures are scaled by it (1 for the default sample) */
  scale: number;
}

const DEFAULT_COUNTY: CountyOptions = { departments: DEPARTMENTS, scale: 1 };

/** The default sample: 镇巴县's townships and its eight departments. */
export function sampleAgencies(random: Random): SampleAgency[] {
  return countyAgencies(SAMPLE_COUNTY_CODE, random, DEFAULT_COUNTY);
}

/** A county's townships (and the 街道 that is its seat) and its departments, in gazetteer order. */
export function countyAgencies(countyCode: string, random: Random, options: CountyOptions): SampleAgency[] {
  const county = regionByCode(countyCode);
  if (!county) throw new Error(`the gazetteer has no county ${countyCode}`);
  const townships = allRegions()
    .filter((r) => r.parentCode === countyCode)
    .map((r) => townshipAgency(r, random));
  return [...townships, ...departmentAgencies(county, options, county.name)];
}

/** A township's (or 街道's) government, its profile drawn from the stream. */
export function townshipAgency(township: Region, random: Random): SampleAgency {
  const seat = township.name.endsWith("街道");
  return {
    name: seat ? `${township.name}办事处` : `${township.name}人民政府`,
    nameCore: township.name,
    kind: "township",
    regionCode: township.code,
    regionPath: township.path,
    profile: townshipProfile(random, seat),
  };
}

/** The departments of a region's government, each named by `place` (the region as its reports write it) and its job. */
export function departmentAgencies(region: Region, options: CountyOptions, place: string): SampleAgency[] {
  return options.departments.map(([job, profile]): SampleAgency => {
    const name = `${place}${job}`;
    return { name, nameCore: name, kind: "department", regionCode: region.code, regionPath: region.path, profile: scaled(profile, options.scale) };
  });
}

/** A busier county's departments do more of everything but make the same number of documents. */
function scaled(profile: Profile, scale: number): Profile {
  if (scale === 1) return profile;
  const { documents, ...busy } = profile;
  const times = Object.fromEntries(Object.entries(busy).map(([key, value]) => [key, value * scale])) as Omit<Profile, "documents">;
  return { ...times, documents };
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

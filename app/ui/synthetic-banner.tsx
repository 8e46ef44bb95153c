import { formatNumber } from "./format";

/** Shown whenever a report counted on the page is generated sample data, not a real report. */
export function SyntheticBanner({ synthetic, reports }: { synthetic: number; reports: number }) {
  if (synthetic === 0) return null;
  const which = reports === 1 ? "本年报是" : `当前统计的 ${formatNumber(reports)} 份年报中有 ${formatNumber(synthetic)} 份是`;
  return (
    <p className="synthetic-banner" role="note">
      <strong>样例数据（合成）</strong>：{which}程序生成的合成样例，并非机关发布的真实年报，数字仅供演示。
    </p>
  );
}

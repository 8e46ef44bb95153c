import type { KeyFigures as Figures } from "@/lib/queries/key-figures";
import { formatNumber, formatShare } from "./format";

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd>
        <span className="figure-value">{value}</span>
        {note && <span className="figure-note">{note}</span>}
      </dd>
    </div>
  );
}

export function KeyFigures({ figures }: { figures: Figures }) {
  return (
    <dl className="key-figures" aria-label="关键指标">
      <Figure label="年报" value={`${formatNumber(figures.reports)} 份`} />
      <Figure label="机关" value={`${formatNumber(figures.agencies)} 个`} />
      <Figure label="新收公开申请" value={`${formatNumber(figures.requestsReceived)} 件`} />
      <Figure label="予以公开占比" value={formatShare(figures.grantedShare)} note="予以公开 / 办理总计" />
      <Figure label="行政复议" value={`${formatNumber(figures.reviews)} 件`} note={`结果纠正 ${formatShare(figures.reviewCorrectedShare)}`} />
      <Figure label="行政诉讼" value={`${formatNumber(figures.lawsuits)} 件`} note={`结果纠正 ${formatShare(figures.lawsuitCorrectedShare)}`} />
    </dl>
  );
}

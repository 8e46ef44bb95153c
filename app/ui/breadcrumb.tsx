/** Where a page sits: 全国 › province › city › county › township, each a link to its region page. */
import Link from "next/link";
import { regionHref, type YearRange } from "@/lib/queries/links";
import type { RegionName } from "@/lib/queries/regions";

export function Breadcrumb({ chain, years, last }: { chain: readonly RegionName[]; years?: YearRange; last?: string }) {
  return (
    <nav className="breadcrumb" aria-label="所在地区">
      <ol>
        <li>
          <Link href={regionHref(null, years)}>全国</Link>
        </li>
        {chain.map((region) => (
          <li key={region.code}>
            <Link href={regionHref(region.code, years)}>{region.name}</Link>
          </li>
        ))}
        {last && <li aria-current="page">{last}</li>}
      </ol>
    </nav>
  );
}

"use client";
/** The workbench's sections; the one the page belongs to is marked for screen readers and the eye. */
import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/", label: "总览" },
  { href: "/regions", label: "地区" },
  { href: "/compare", label: "对比" },
  { href: "/coverage", label: "发布情况" },
  { href: "/summary", label: "汇总表" },
  { href: "/anomalies", label: "异常" },
] as const;

function isIn(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function SiteNav() {
  const pathname = usePathname();
  return (
    <nav className="site-nav" aria-label="主导航">
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={s.href} aria-current={isIn(pathname, s.href) ? "page" : undefined}>
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";
import "./ui/workbench.css";
import { SiteNav } from "./ui/site-nav";

/**
 * Every page reads the database, which an ingest changes after the build: never prerender a
 * page at build time (a page without search params would otherwise be frozen with the data,
 * or the absence of data, that the build machine had).
 */
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "年报分析工作台 · 政府信息公开工作年度报告",
  description: "汇总、比较和导出政府信息公开工作年度报告",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <a className="skip-link" href="#main">
          跳到正文
        </a>
        <header className="site-header">
          <Link href="/" className="site-title">
            年报分析工作台
          </Link>
          <span className="site-subtitle">政府信息公开工作年度报告 汇总 · 比较 · 导出</span>
          <SiteNav />
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "年报分析工作台 · 政府信息公开工作年度报告",
  description: "汇总、比较和导出政府信息公开工作年度报告",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <header className="site-header">
          <Link href="/" className="site-title">
            年报分析工作台
          </Link>
          <span className="site-subtitle">政府信息公开工作年度报告 汇总 · 比较 · 导出</span>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}

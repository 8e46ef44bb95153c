/** What a page says when its URL names a region, agency, report or year that is not there. */
import Link from "next/link";

export function NotFoundNotice({ title, detail }: { title: string; detail: string }) {
  return (
    <section className="notice" role="alert">
      <h1>{title}</h1>
      <p>{detail}</p>
      <p className="notice-links">
        <Link href="/">返回总览</Link>
        <Link href="/regions">按地区浏览</Link>
      </p>
    </section>
  );
}

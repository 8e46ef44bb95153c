"use client";
/** When a page fails to render (an unreadable database, say): a Chinese message and a retry. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="notice" role="alert">
      <h2>页面加载失败</h2>
      <p>读取年报数据时出错{error.digest ? `（错误编号 ${error.digest}）` : ""}。请检查数据库文件后重试。</p>
      <button type="button" onClick={reset}>
        重试
      </button>
    </section>
  );
}

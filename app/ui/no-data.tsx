/** What the overview says before any report is loaded. */
export function NoData({ reason }: { reason: "no-database" | "no-reports" }) {
  return (
    <section className="notice">
      <h2>尚未导入年报数据</h2>
      <p>{reason === "no-database" ? "找不到数据库文件。" : "数据库中还没有可用的年报。"}导入年报后刷新本页即可看到统计结果：</p>
      <pre>
        {"npm run generate-sample -- --out data/sample   # 生成合成样例年报（可选）\n"}
        {"npm run ingest -- data/sample                   # 或换成存放真实年报（.txt / .html）的目录"}
      </pre>
      <p>
        默认数据库为 <code>data/nianbao.db</code>，可用环境变量 <code>NIANBAO_DB</code> 指定其他文件。
      </p>
    </section>
  );
}

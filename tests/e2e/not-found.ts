/** URLs naming what is not there get the Chinese not-found page with a way back; malformed params a Chinese message. */
import assert from "node:assert/strict";
import { answersNotFound, screenshot, type Context } from "./support";

export async function checkNotFound(ctx: Context): Promise<void> {
  const { page, baseUrl } = ctx;
  const cases: [string, string][] = [
    ["/regions/999999", "找不到该地区或年度"],
    ["/regions/610728?from=1999", "找不到该地区或年度"],
    ["/agencies/999999", "找不到该机关"],
    ["/agencies/abc", "找不到该机关"],
    ["/reports/999999", "找不到该年报"],
    ["/coverage?region=610799", "找不到该地区或年度"],
    ["/compare?year=1999", "找不到该地区或年度"],
    ["/summary?region=610728&year=2099", "找不到该地区或年度"],
    ["/no-such-page", "找不到该页面"],
  ];
  for (const [path, title] of cases) await answersNotFound(page, `${baseUrl}${path}`, title);
  await screenshot(ctx, "not-found");
  await page.getByRole("link", { name: "返回总览" }).click();
  await page.waitForURL(`${baseUrl}/`);

  await page.goto(`${baseUrl}/compare?dir=sideways`);
  await page.getByRole("heading", { level: 1, name: "链接中的参数有误" }).waitFor();
  assert.match(await page.locator(".notice").innerText(), /排序方向应为 asc 或 desc/);
}

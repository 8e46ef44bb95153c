import { NotFoundNotice } from "@/app/ui/not-found-notice";

export default function ReportNotFound() {
  return <NotFoundNotice title="找不到该年报" detail="链接中的年报编号不存在（可能数据库已重新导入）。请从机关页或地区页重新进入。" />;
}

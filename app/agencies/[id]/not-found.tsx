import { NotFoundNotice } from "@/app/ui/not-found-notice";

export default function AgencyNotFound() {
  return <NotFoundNotice title="找不到该机关" detail="链接中的机关编号不存在（可能数据库已重新导入）。请从总览的机关一览或地区页重新进入。" />;
}

import { NotFoundNotice } from "./ui/not-found-notice";

/** Any URL the workbench does not have, and any notFound() without a page-specific message. */
export default function NotFound() {
  return <NotFoundNotice title="找不到该页面" detail="链接中的地区、机关、年报或年度不存在，或该页面已不在此处。请从总览或地区页重新进入。" />;
}

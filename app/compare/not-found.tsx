import { NotFoundNotice } from "@/app/ui/not-found-notice";

export default function CompareNotFound() {
  return <NotFoundNotice title="找不到该地区或年度" detail="链接中的地区代码不在统计用区划代码中，或该年度没有导入年报。" />;
}

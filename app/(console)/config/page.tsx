import { NotBuiltYet } from "@/components/shell/not-built-yet";
import { signedIn } from "../page-access";

export default async function ConfigPage() {
  await signedIn();
  return <NotBuiltYet title="Config" />;
}

import { defineMutation } from "../mutation";
import { documentTarget, versionPath } from "./inputs";
import { readVersion } from "./read-version";

/** An admin reads a version with its secrets; every reveal is audited, so it is a verb, not a read. */
export const revealConfig = defineMutation({
  action: "config.reveal",
  permit: "admin",
  input: versionPath,
  target: documentTarget,
  async run(tx, input) {
    const version = await readVersion(tx, input.service, input.environment, input.version);
    return { result: version, audit: { after: { version: input.version } }, events: [] };
  },
});

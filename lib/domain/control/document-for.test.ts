import { describe, expect, it } from "vitest";
import { bucketOf } from "../config/rollout/bucket";
import { defaultDocument, documentFor, type ControlState } from "./document";

const names = Array.from({ length: 50 }, (_, i) => `api-${i}`);
const inside = names.find((n) => bucketOf(n) < 30)!;
const outside = names.find((n) => bucketOf(n) >= 30)!;

function state(rollouts: ControlState["rollouts"]): ControlState {
  const document = { ...defaultDocument("api"), revision: 7, config: { production: { version: 4 }, staging: { version: 9 } } };
  return { document, rollouts, views: new Map() };
}

describe("documentFor", () => {
  it("hands every reader the same document while nothing rolls out", () => {
    const s = state({});
    expect(documentFor(s, inside)).toBe(s.document);
    expect(documentFor(s, null)).toBe(s.document);
  });

  it("names the new version to an instance the step covers, the old one otherwise and to a reader without a bucket", () => {
    const s = state({ production: { fromVersion: 3, percent: 30 } });
    expect(documentFor(s, inside).config).toEqual({ production: { version: 4 }, staging: { version: 9 } });
    expect(documentFor(s, outside).config).toEqual({ production: { version: 3 }, staging: { version: 9 } });
    expect(documentFor(s, null).config.production).toEqual({ version: 3 });
    expect(documentFor(s, outside).revision).toBe(7);
  });

  it("builds each distinct document once, however many instances share it", () => {
    const s = state({ production: { fromVersion: 3, percent: 30 } });
    expect(documentFor(s, outside)).toBe(documentFor(s, null));
    expect(documentFor(s, inside)).toBe(documentFor(s, names.filter((n) => bucketOf(n) < 30).at(-1)!));
    expect(s.views.size).toBe(2);
  });
});

import { describe, expect, it } from "vitest";
import { rebase } from "./rebase";

describe("rebase", () => {
  const base = { limits: { rps: 10, burst: 20 }, regions: ["eu", "us"], legacy: true };

  it("keeps their change and mine when they touch different values", () => {
    const mine = { ...base, limits: { rps: 15, burst: 20 } };
    const theirs = { ...base, limits: { rps: 10, burst: 40 }, feature: "on" };
    expect(rebase(base, mine, theirs)).toEqual({ limits: { rps: 15, burst: 40 }, regions: ["eu", "us"], legacy: true, feature: "on" });
  });

  it("lets mine win where both changed the same value", () => {
    expect(rebase(base, { ...base, legacy: false }, { ...base, legacy: "maybe" })).toMatchObject({ legacy: false });
  });

  it("replays additions and removals, including in arrays", () => {
    const mine = { limits: { rps: 10, burst: 20 }, regions: ["eu"], added: { deep: [1] } };
    const theirs = { ...base, owner: "team-a" };
    expect(rebase(base, mine, theirs)).toEqual({ limits: { rps: 10, burst: 20 }, regions: ["eu"], owner: "team-a", added: { deep: [1] } });
  });

  it("leaves their version alone when I changed nothing", () => {
    const theirs = { other: 1 };
    expect(rebase(base, base, theirs)).toEqual(theirs);
  });
});

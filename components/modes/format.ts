import type { Tone } from "@/components/ui/badge";

/** The mildest mode of the ladder is green, the most severe red, those between amber. */
export function modeTone(mode: string, ladder: string[]): Tone {
  const index = ladder.indexOf(mode);
  if (index === -1) return "neutral";
  if (index === 0) return "green";
  return index === ladder.length - 1 ? "red" : "amber";
}

/**
 * The Extended preset: the methodology's term table (six blocks, in its order), adapted to Darwin Core.
 */
import { METHODOLOGY_BLOCKS } from "../generated/methodology";
import type { Block } from "../types";

/**
 * The methodology lists `elevation` and `elevationAccuracy`, which are not Darwin Core terms. In their place we
 * offer the real terms: minimumElevationInMeters, maximumElevationInMeters and verbatimElevation (the table lists
 * the first two itself, right after; duplicates are dropped).
 */
const REPLACEMENTS: Readonly<Record<string, readonly string[]>> = {
  elevation: ["minimumElevationInMeters", "maximumElevationInMeters", "verbatimElevation"],
  elevationAccuracy: [],
};

/** [block, terms] of the methodology, with non-DwC terms replaced, in order, each term once. */
export const EXTENDED_BLOCKS: readonly (readonly [Block, readonly string[]])[] = (() => {
  const seen = new Set<string>();
  return METHODOLOGY_BLOCKS.map(([block, rows]) => {
    const out: string[] = [];
    for (const [term] of rows) {
      for (const t of REPLACEMENTS[term] ?? [term]) {
        if (!seen.has(t)) {
          seen.add(t);
          out.push(t);
        }
      }
    }
    return [block, out] as const;
  });
})();

/** The methodology's block for a term it lists (e.g. typeStatus -> TAXON, disposition -> OCCURRENCE). */
export const METHODOLOGY_BLOCK_OF: ReadonlyMap<string, Block> = new Map(
  EXTENDED_BLOCKS.flatMap(([block, ts]) => ts.map((t) => [t, block] as const))
);

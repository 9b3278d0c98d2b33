import { expect } from 'vitest';
import type { GatheredFacts, VariantFacts } from '../../src/check/check.js';

/** The facts of a check of a single-platform image, with the check's own notes after the variant's. */
export function onlyVariant(gathered: GatheredFacts): VariantFacts {
  expect(gathered.variants.map((variant) => variant.facts.image.platform)).toHaveLength(1);
  expect(gathered.notChecked).toEqual([]);
  return {
    facts: gathered.variants[0]!.facts,
    manifest: gathered.variants[0]!.manifest,
    notes: [...gathered.variants[0]!.notes, ...gathered.notes],
  };
}

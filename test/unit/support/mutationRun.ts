/**
 * Mutation testing (`npm run test:mutation`, stryker.config.mjs) reruns every test that reaches a mutant, once per
 * mutant: there the property tests run a tenth of their cases (at least 20) and the linear-growth checks are left
 * out, which turns a run of many hours into one that fits an afternoon. `npm test` runs them all in full.
 */
export const MUTATION_RUN = process.env.INTERVIEW_DIALOGUES_MUTATION_RUN === '1';

/** The number of cases a property test runs: `n`, or a tenth of it under mutation testing. */
export function runs(n: number): number {
  return MUTATION_RUN ? Math.max(20, Math.round(n / 10)) : n;
}

/** The input checks (./input-checks.ts), fetched from the add-in's server the first time something needs checking. */
export type InputChecks = typeof import("./input-checks");

export type InputChecksLoader = () => Promise<InputChecks>;

/** A fetch that fails rejects; the next call fetches again. */
export const loadInputChecks: InputChecksLoader = () => import(/* webpackChunkName: "checks" */ "./input-checks");

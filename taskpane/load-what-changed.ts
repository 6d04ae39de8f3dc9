/** The "What changed" part (./what-changed.ts), fetched from the add-in's server after the first swap of the rules. */
export type WhatChangedPart = typeof import("./what-changed");

export type WhatChangedLoader = () => Promise<WhatChangedPart>;

export const loadWhatChanged: WhatChangedLoader = () => import(/* webpackChunkName: "what-changed" */ "./what-changed");

/** The "Coming up" part (./upcoming.ts), fetched from the add-in's server when the section is first drawn. */
export type UpcomingPart = typeof import("./upcoming");

export type UpcomingLoader = () => Promise<UpcomingPart>;

export const loadUpcoming: UpcomingLoader = () => import(/* webpackChunkName: "upcoming" */ "./upcoming");

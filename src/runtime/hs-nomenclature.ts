/**
 * The HS 2022 descriptions (src/engine/data/hs2022.json, about 130 KB gzipped) are not part of the add-in's
 * first load: they are fetched as a separate chunk the first time a code no item claims needs describing,
 * and kept. Until they arrive such a code is still read to its heading, only without the words.
 */
import type { HsNomenclature } from "../engine/hs";

export type DescriptionLoader = () => Promise<Readonly<Record<string, string>>>;

export interface LazyNomenclature extends HsNomenclature {
  /** Starts loading now (once); resolves when the descriptions are in, false if loading failed. */
  load(): Promise<boolean>;
  readonly loaded: boolean;
}

/** The add-in's loader: a webpack chunk of its own. */
export const loadBundledDescriptions: DescriptionLoader = () =>
  import(/* webpackChunkName: "hs2022" */ "../engine/data/hs2022.json").then((module) => {
    const loaded = module as unknown as { default?: Record<string, string> } & Record<string, string>;
    return loaded.default ?? loaded;
  });

export function lazyNomenclature(loader: DescriptionLoader, onLoaded: () => void = () => undefined): LazyNomenclature {
  let descriptions: Readonly<Record<string, string>> | null = null;
  let loading: Promise<boolean> | null = null;
  const load = () =>
    (loading ??= loader().then(
      (data) => {
        descriptions = data;
        onLoaded();
        return true;
      },
      () => false,
    ));
  return {
    get loaded() {
      return descriptions !== null;
    },
    load,
    describe(digits: string) {
      if (descriptions === null) {
        void load();
        return null;
      }
      return Object.prototype.hasOwnProperty.call(descriptions, digits) ? descriptions[digits] : null;
    },
  };
}

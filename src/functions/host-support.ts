/**
 * Whether the host can show Excel data types (entity values, formatted numbers): requirement set
 * ExcelApi 1.16, asked at run time. When Office.js cannot answer (a page outside Excel, a test host) the
 * answer is yes, so the cards are what a test sees; a host that answers no gets plain values.
 */
export const DATA_TYPES_REQUIREMENT = { set: "ExcelApi", version: "1.16" } as const;

type IsSetSupported = (name: string, version?: string) => boolean;

export function hostSupportsDataTypes(): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: IsSetSupported } } } }).Office;
  const requirements = office?.context?.requirements;
  if (typeof requirements?.isSetSupported !== "function") return true;
  try {
    return requirements.isSetSupported(DATA_TYPES_REQUIREMENT.set, DATA_TYPES_REQUIREMENT.version);
  } catch {
    return true;
  }
}

/** The formulas' namespace; it must equal the manifest's Functions.Namespace (a test checks it). */
export const FUNCTIONS_NAMESPACE = "CHOKEPOINT";

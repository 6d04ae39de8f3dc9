/** Applies the Office theme's colours when the host exposes them; the Fluent defaults in the CSS stay otherwise. */
interface OfficeThemeColours {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function applyOfficeTheme(root: HTMLElement = document.documentElement): boolean {
  const office = (globalThis as { Office?: { context?: { officeTheme?: OfficeThemeColours } } }).Office;
  let theme: OfficeThemeColours | undefined;
  try {
    theme = office?.context?.officeTheme;
  } catch {
    theme = undefined;
  }
  if (!theme) return false;
  const set = (variable: string, colour: string | undefined) => {
    if (colour && HEX_COLOUR.test(colour)) root.style.setProperty(variable, colour);
  };
  set("--cp-bg", theme.bodyBackgroundColor);
  set("--cp-fg", theme.bodyForegroundColor);
  set("--cp-surface", theme.controlBackgroundColor);
  set("--cp-control-fg", theme.controlForegroundColor);
  if (theme.bodyBackgroundColor && HEX_COLOUR.test(theme.bodyBackgroundColor) && luminance(theme.bodyBackgroundColor) < 0.4) {
    root.classList.add("cp-dark");
  }
  return true;
}

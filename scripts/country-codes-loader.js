/**
 * Webpack loader for i18n-iso-countries' `codes.json` in the add-in's build: keeps each country's alpha-2 and
 * alpha-3 codes, the only ones the engine reads (src/engine/countries.ts), and drops the numeric codes and the
 * ISO 3166-2 references, which were more than half of the file in the first load. A file of another shape fails
 * the build instead of shipping codes the engine would misread.
 */
module.exports = function countryCodesLoader(source) {
  const rows = JSON.parse(String(source));
  if (!Array.isArray(rows) || rows.length < 240) throw new Error("i18n-iso-countries/codes.json: expected a list of about 250 countries");
  const pairs = rows.map((row, index) => {
    if (!Array.isArray(row) || !/^[A-Z]{2}$/.test(row[0]) || !/^[A-Z]{3}$/.test(row[1])) {
      throw new Error(`i18n-iso-countries/codes.json: row ${index} is not [alpha-2, alpha-3, …]: ${JSON.stringify(row)}`);
    }
    return [row[0], row[1]];
  });
  return JSON.stringify(pairs);
};

/**
 * The last step of every workbook scripts/ builds: exceljs writes the workbook, this re-packs it so that
 *
 *  - the same input always gives the same bytes (every zip entry gets one fixed date; exceljs stamps the
 *    time of writing), so a committed example can be compared with a fresh build, and
 *  - formulas marked as array formulas become Excel's dynamic-array formulas: each such cell points at the
 *    "XLDAPR" cell metadata (cm="1"), which is how Excel 365 stores a formula that spills. Without it Excel
 *    opens the formula as a legacy array formula fixed to its `ref`, or puts an implicit "@" in front of it.
 *
 * exceljs knows neither, hence the second pass over the zip.
 */
"use strict";
const JSZip = require("jszip");

/** 1 Jan 2026, 00:00 UTC: a zip entry's date has a two-second resolution in the local DOS format. */
const FIXED_ENTRY_DATE = new Date(Date.UTC(2026, 0, 1));

const METADATA_PART = "xl/metadata.xml";
const METADATA_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml";
const METADATA_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata";

/** One cell-metadata record, index 1 (cm="1"): "this formula is a dynamic array". */
const DYNAMIC_ARRAY_METADATA =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>' +
  "</metadata>";

/** Marks every array-formula cell of a worksheet part as a dynamic array; returns the part and how many were marked. */
function markDynamicArrays(sheetXml) {
  let marked = 0;
  const xml = sheetXml.replace(/<c (r="[A-Z]+\d+")([^>]*)><f t="array"/g, (_, ref, rest) => {
    marked += 1;
    return `<c ${ref}${rest} cm="1"><f t="array"`;
  });
  return { xml, marked };
}

function addMetadataPart(contentTypes, workbookRels) {
  const types = contentTypes.replace("</Types>", `<Override PartName="/${METADATA_PART}" ContentType="${METADATA_CONTENT_TYPE}"/></Types>`);
  const ids = [...workbookRels.matchAll(/Id="rId(\d+)"/g)].map((match) => Number(match[1]));
  const id = `rId${Math.max(0, ...ids) + 1}`;
  const rels = workbookRels.replace("</Relationships>", `<Relationship Id="${id}" Type="${METADATA_RELATIONSHIP}" Target="metadata.xml"/></Relationships>`);
  return { types, rels };
}

/**
 * Re-packs an xlsx written by exceljs: dynamic-array formulas (every `shareType: "array"` formula) and fixed
 * entry dates. Returns the new file's bytes.
 */
async function packageXlsx(buffer) {
  const source = await JSZip.loadAsync(buffer);
  const names = Object.keys(source.files).filter((name) => !source.files[name].dir);
  const parts = new Map();
  for (const name of names) parts.set(name, await source.file(name).async("nodebuffer"));

  let dynamicArrays = 0;
  for (const name of names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const { xml, marked } = markDynamicArrays(parts.get(name).toString("utf8"));
    dynamicArrays += marked;
    parts.set(name, Buffer.from(xml, "utf8"));
  }
  if (dynamicArrays > 0) {
    const { types, rels } = addMetadataPart(parts.get("[Content_Types].xml").toString("utf8"), parts.get("xl/_rels/workbook.xml.rels").toString("utf8"));
    parts.set("[Content_Types].xml", Buffer.from(types, "utf8"));
    parts.set("xl/_rels/workbook.xml.rels", Buffer.from(rels, "utf8"));
    parts.set(METADATA_PART, Buffer.from(DYNAMIC_ARRAY_METADATA, "utf8"));
  }

  const target = new JSZip();
  for (const [name, content] of parts) target.file(name, content, { date: FIXED_ENTRY_DATE, createFolders: false });
  return target.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 }, platform: "DOS" });
}

module.exports = { packageXlsx, markDynamicArrays };

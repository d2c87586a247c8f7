/** The usage text, printed by `dwc-excel --help` and published in the README. */
export const USAGE = `dwc-excel: Darwin Core templates, validation and archive export for spreadsheets

Usage:
  dwc-excel template occurrence|checklist|event [--preset minimal|extended] [--lang en|ru]
                     [--extensions measurementorfact,...] -o FILE.xlsx
  dwc-excel validate FILE.xlsx|FILE.csv [--core occurrence|event|taxon] [--json] [--lang en|ru] [--strict] [--no-geo]
                     [--report REPORT.xlsx] [--marked OUT.xlsx]
  dwc-excel export FILE.xlsx [--metadata META.json] [--lang en|ru] [--strict] [--no-geo] -o OUT.zip
  dwc-excel export FILE.csv --core occurrence|event|taxon [--metadata META.json] [--lang en|ru] [--strict]
                   [--no-geo] -o OUT.zip
  dwc-excel standardise FILE.xlsx|FILE.csv [--sheet NAME] [--core occurrence|event|taxon] [--mapping MAP.json]
                        [--write-mapping MAP.json] [--lang en|ru] -o OUT.xlsx
  dwc-excel georef FILE.xlsx|FILE.csv [--sheet NAME] [--source gps|map|gazetteer|description] [--map-scale 1:24000]
                   [--datum-known|--datum-unknown] [--extent-column TERM] [--gps-accuracy M] -o OUT.xlsx
  dwc-excel import ARCHIVE.zip|FOLDER [--lang en|ru] [-o WORKBOOK.xlsx]
  dwc-excel --help | --version

Commands:
  template   Write an empty Darwin Core template workbook: one sheet per core/extension, required columns
             dark green, recommended light green, term definitions as header notes, dropdowns for
             vocabularies, a Metadata sheet.
  validate   Check every dataset sheet of a workbook (or one CSV/TSV file) and print the issues by rule,
             with their cells (Occurrence!C12). --json prints one JSON object per issue instead.
             --report also writes every finding to REPORT.xlsx as a table (one sheet, as the add-in's
             "Write the report to a sheet"); --marked writes OUT.xlsx, a copy of the input with the
             add-in's validation marks (errors red, warnings yellow; "Remove marks" removes them in
             Excel). The input file is never changed.
  export     Validate, then write a Darwin Core Archive (meta.xml, eml.xml, one data file per sheet).
             Metadata comes from the workbook's Metadata sheet; --metadata META.json wins over it.
             Coverage (bounding box, dates, taxa) is derived from the data unless given. Blockers (what
             the IPT or GBIF would refuse) stop the archive and nothing is written; errors (values GBIF
             will flag or drop) and warnings are listed with their cells and the archive is written.
  standardise Propose Darwin Core terms for a table's own headers (Вид, Дата, Широта…) from headers and
             values, or apply a saved mapping; convert dates to ISO 8601, coordinates to decimal degrees, sex,
             life stage and country words to vocabulary values (originals kept in the verbatim… terms); write
             OUT.xlsx: the input plus the Darwin Core sheet and a "Standardisation report" sheet.
  georef     Compute coordinateUncertaintyInMeters (point-radius method, as the Georeferencing Calculator) from
             the coordinates' written precision, an unknown datum, the source (map scale, GPS accuracy) and a
             named place's radial; write OUT.xlsx with it, georeferenceProtocol/Sources/Date filled only where
             empty.
  import     Open a published Darwin Core Archive (IPT, GBIF or OBIS download) as a workbook: one sheet per data
             file (core first), every column as text, eml.xml in the Metadata sheet with its packageId, so the
             next export is a new version of the same dataset. Unmodelled metadata is kept and written back.
             Never overwrites: WORKBOOK.xlsx defaults to the archive's name.

Options:
  --preset     minimal (required + recommended columns, default) or extended (the methodology's six blocks)
  --lang       language of notes and messages: en (default) or ru
  --extensions extension sheets to add, comma-separated: measurementorfact, extendedmeasurementorfact,
               multimedia, vernacularname, references, resourcerelationship
  --core       the core of a CSV/TSV file (or of a workbook whose sheets are not recognised);
               CSV/TSV: UTF-8 (BOM or not) or Windows-1251, delimiter , ; tab or | (taken from the header)
  --json       validate: machine-readable output
  --report     validate: also write the findings to this .xlsx file (sheet, cell, column, value, rule, tier,
               message, proposed fix; in the --lang language)
  --marked     validate: write a copy of the input with the problem cells marked, as the add-in marks
               them (a CSV/TSV file's copy: one sheet, its values as text)
  --sheet      standardise: the sheet to read (default: the first visible sheet with data)
  --mapping    standardise: apply a saved mapping (MAP.json) instead of proposing one
  --write-mapping  standardise: write the mapping used to MAP.json
  --source     georef: where the coordinates came from: gps, map, gazetteer or description
  --map-scale  georef: scale of the map the coordinates were read from (1:24000)
  --datum-known, --datum-unknown  georef: for every row (default: from geodeticDatum)
  --extent-column  georef: column holding a named place's radial in metres
  --gps-accuracy   georef: GPS accuracy in metres (default 30 m; 100 m before May 2000)
  --strict     errors block too (validate exits 1, export writes nothing), not only blockers
  --no-geo     skip the geography checks (country and coastline boundaries: coordinates against the
               country, in the sea, swapped or negated)
  -o, --output the file to write

Exit codes:
  0  done; nothing blocks (errors and warnings may be listed; export wrote the archive)
  1  something blocks the export (validate), or it blocked the export; with --strict, also errors
  2  unusable input: bad arguments, missing, unreadable, unsupported or empty file
`;

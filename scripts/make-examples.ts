/**
 * Writes the example workbooks in `examples/`: one per dataset class, each a filled-in template (header fills,
 * notes, dropdowns, text formats) with a Metadata sheet. The content is illustrative: real taxa and places,
 * invented specimens, counts and people. Run: `npx ts-node --transpile-only scripts/make-examples.ts`.
 *
 * - occurrence.xlsx: herbarium specimens (Occurrence core), Russian localities and collectors.
 * - checklist.xlsx: vascular plants of a nature reserve (Taxon core) with Russian and English vernacular names.
 * - event.xlsx: breeding bird transect counts in a nature reserve (Event core) with associated occurrences and
 *   weather measurements (MeasurementOrFact).
 */
import * as path from "path";
import type ExcelJS from "exceljs";
import { buildTemplate, columnFor, extensionTemplate } from "../src/dwc";
import type { CellValue } from "../src/dwc/table";
import type { Lang, SheetTemplate } from "../src/dwc/types";
import { buildTemplateWorkbook } from "../src/file";
import { emptyAgent, emptyMetadata, metadataToSheetRows, type Agent, type DatasetMetadata } from "../src/metadata";

const OUT = path.resolve(__dirname, "../examples");

/** The template sheet with exactly `terms` as columns, in that order (levels and types from the model). */
function sheetWith(template: SheetTemplate, terms: string[]): SheetTemplate {
  const columns = terms.map(
    (term) => template.columns.find((c) => c.term === term) ?? columnFor(template.role.rowTypeId, term, "optional")
  );
  const missing = template.columns.filter((c) => c.level === "required" && !terms.includes(c.term));
  if (missing.length)
    throw new Error(`${template.title.en}: required columns missing: ${missing.map((c) => c.term).join(", ")}`);
  return { ...template, columns };
}

function agent(fields: Partial<Agent>): Agent {
  return { ...emptyAgent(), ...fields };
}

interface Example {
  file: string;
  lang: Lang;
  sheets: { template: SheetTemplate; rows: CellValue[][] }[];
  meta: DatasetMetadata;
}

/** Writes one example: the template workbook, then the rows under each sheet's header. */
async function write(example: Example): Promise<void> {
  const templates = example.sheets.map((s) => s.template);
  const workbook: ExcelJS.Workbook = buildTemplateWorkbook(templates, {
    lang: example.lang,
    metadataRows: metadataToSheetRows(example.meta, example.lang),
  });
  example.sheets.forEach((sheet, i) => {
    const ws = workbook.worksheets[i];
    sheet.rows.forEach((row, r) => {
      if (row.length !== sheet.template.columns.length) {
        throw new Error(
          `${example.file} ${ws.name} row ${r + 2}: ${row.length} cells for ${sheet.template.columns.length} columns`
        );
      }
      row.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 2, c + 1).value = value;
      });
    });
  });
  await workbook.xlsx.writeFile(path.join(OUT, example.file));
}

// ---------------------------------------------------------------------------------------------------------------
// occurrence.xlsx: herbarium specimens

const herbariumTerms = [
  "occurrenceID",
  "basisOfRecord",
  "institutionCode",
  "collectionCode",
  "catalogNumber",
  "recordedBy",
  "eventDate",
  "scientificName",
  "kingdom",
  "family",
  "taxonRank",
  "countryCode",
  "stateProvince",
  "locality",
  "habitat",
  "decimalLatitude",
  "decimalLongitude",
  "geodeticDatum",
  "coordinateUncertaintyInMeters",
  "identifiedBy",
];
type Specimen = [string, string, string, string, string, string, string, string, number, number, number];
// catalogue number, collectors, date, name, family, region, locality, habitat, lat, lon, uncertainty (m)
const specimens: Specimen[] = [
  [
    "000117",
    "Иванов И.И. | Петрова А.С.",
    "2019-05-14",
    "Pulsatilla patens (L.) Mill.",
    "Ranunculaceae",
    "Томская область",
    "окр. с. Коларово, правый берег р. Томь",
    "сосновый бор на песках",
    56.3541,
    84.9412,
    100,
  ],
  [
    "000118",
    "Иванов И.И. | Петрова А.С.",
    "2019-05-14",
    "Adonis vernalis L.",
    "Ranunculaceae",
    "Томская область",
    "окр. с. Коларово, остепнённый склон",
    "остепнённый луг на склоне южной экспозиции",
    56.3588,
    84.9275,
    100,
  ],
  [
    "000245",
    "Петрова А.С.",
    "2019-06-02",
    "Cypripedium calceolus L.",
    "Orchidaceae",
    "Томская область",
    "окр. д. Лоскутово, урочище «Синий утёс»",
    "смешанный лес, опушка",
    56.3899,
    84.8731,
    250,
  ],
  [
    "000246",
    "Петрова А.С.",
    "2019-06-02",
    "Trollius asiaticus L.",
    "Ranunculaceae",
    "Томская область",
    "окр. д. Лоскутово",
    "влажный разнотравный луг",
    56.3921,
    84.8688,
    250,
  ],
  [
    "001003",
    "Сидоров П.Н.",
    "2020-07-09",
    "Rhodiola rosea L.",
    "Crassulaceae",
    "Республика Алтай",
    "Улаганский р-н, перевал Кату-Ярык",
    "каменистая тундра",
    50.9167,
    88.2233,
    500,
  ],
  [
    "001004",
    "Сидоров П.Н.",
    "2020-07-10",
    "Paeonia anomala L.",
    "Paeoniaceae",
    "Республика Алтай",
    "Улаганский р-н, долина р. Чулышман",
    "лиственничный лес",
    50.8411,
    88.1867,
    500,
  ],
  [
    "001005",
    "Сидоров П.Н. | Иванов И.И.",
    "2020-07-11",
    "Bergenia crassifolia (L.) Fritsch",
    "Saxifragaceae",
    "Республика Алтай",
    "северный берег Телецкого озера, окр. пос. Артыбаш",
    "скальные выходы в кедровом лесу",
    51.7913,
    87.2694,
    100,
  ],
  [
    "001006",
    "Сидоров П.Н. | Иванов И.И.",
    "2020-07-12",
    "Erythronium sibiricum (Fisch. & C.A.Mey.) Krylov",
    "Liliaceae",
    "Республика Алтай",
    "Турочакский р-н, хр. Корбу",
    "субальпийский луг",
    51.6644,
    87.6052,
    1000,
  ],
  [
    "002031",
    "Smirnova O.V.",
    "2021-08-03",
    "Drosera rotundifolia L.",
    "Droseraceae",
    "Республика Карелия",
    "Kondopoga district, Kivach Nature Reserve, Lake Sandal shore",
    "sphagnum bog",
    62.2789,
    33.9824,
    50,
  ],
  [
    "002032",
    "Smirnova O.V.",
    "2021-08-03",
    "Menyanthes trifoliata L.",
    "Menyanthaceae",
    "Республика Карелия",
    "Kondopoga district, Kivach Nature Reserve",
    "bog margin",
    62.2801,
    33.976,
    50,
  ],
  [
    "002033",
    "Smirnova O.V. | Кузнецов Д.А.",
    "2021-08-04",
    "Linnaea borealis L.",
    "Caprifoliaceae",
    "Республика Карелия",
    "Kondopoga district, near the Kivach waterfall",
    "spruce forest with mosses",
    62.2683,
    33.9802,
    30,
  ],
  [
    "002034",
    "Кузнецов Д.А.",
    "2021-08-05",
    "Vaccinium vitis-idaea L.",
    "Ericaceae",
    "Республика Карелия",
    "Кондопожский р-н, заповедник «Кивач», кв. 12",
    "сосняк брусничный",
    62.2857,
    33.9419,
    100,
  ],
];

const herbariumMeta: DatasetMetadata = {
  ...emptyMetadata(),
  title: "Vascular plant specimens of a university herbarium (example dataset)",
  description:
    "Illustrative dataset shipped with dwc-excel: herbarium specimens of vascular plants collected in Tomsk Oblast, the Altai Republic and Karelia, 2019-2021. Specimens, catalogue numbers and collectors are invented; taxa and places are real.\n\nИллюстративный набор данных: гербарные образцы сосудистых растений из Томской области, Республики Алтай и Карелии.",
  metadataLanguage: "eng",
  dataLanguage: "rus",
  license: "CC-BY-4.0",
  updateFrequency: "notPlanned",
  creators: [
    agent({
      givenName: "Anna",
      surName: "Petrova",
      organization: "Example State University, Herbarium",
      position: "Curator",
      email: "herbarium@example.org",
    }),
  ],
  contacts: [
    agent({
      givenName: "Anna",
      surName: "Petrova",
      organization: "Example State University, Herbarium",
      email: "herbarium@example.org",
    }),
  ],
  metadataProviders: [
    agent({
      givenName: "Ivan",
      surName: "Ivanov",
      organization: "Example State University",
      email: "ivanov@example.org",
    }),
  ],
  publishingOrganization: "Example State University",
  keywords: ["herbarium", "vascular plants", "Siberia", "Karelia", "Specimen"],
  citation:
    "Petrova A. (2026). Vascular plant specimens of a university herbarium (example dataset). Example State University.",
  methods: {
    studyExtent: "Tomsk Oblast, Altai Republic and Republic of Karelia, Russia; 2019-2021.",
    samplingDescription: "Plants collected on field excursions, pressed, mounted and databased.",
    steps: ["Specimens databased from labels.", "Coordinates georeferenced from label localities."],
    qualityControl: "Identifications checked by the herbarium curator.",
  },
};

// ---------------------------------------------------------------------------------------------------------------
// checklist.xlsx: vascular plants of a nature reserve

const taxonTerms = [
  "taxonID",
  "scientificName",
  "scientificNameAuthorship",
  "taxonRank",
  "kingdom",
  "family",
  "taxonomicStatus",
  "acceptedNameUsageID",
];
const taxa: [string, string, string, string, string, string, string | null][] = [
  ["kv-0001", "Pinus sylvestris L.", "L.", "species", "Pinaceae", "accepted", null],
  ["kv-0002", "Picea abies (L.) H.Karst.", "(L.) H.Karst.", "species", "Pinaceae", "accepted", null],
  ["kv-0003", "Picea obovata Ledeb.", "Ledeb.", "species", "Pinaceae", "accepted", null],
  ["kv-0004", "Betula pubescens Ehrh.", "Ehrh.", "species", "Betulaceae", "accepted", null],
  ["kv-0005", "Sorbus aucuparia L.", "L.", "species", "Rosaceae", "accepted", null],
  ["kv-0006", "Rubus chamaemorus L.", "L.", "species", "Rosaceae", "accepted", null],
  ["kv-0007", "Vaccinium myrtillus L.", "L.", "species", "Ericaceae", "accepted", null],
  ["kv-0008", "Vaccinium vitis-idaea L.", "L.", "species", "Ericaceae", "accepted", null],
  ["kv-0009", "Ledum palustre L.", "L.", "species", "Ericaceae", "synonym", "kv-0010"],
  ["kv-0010", "Rhododendron tomentosum Harmaja", "Harmaja", "species", "Ericaceae", "accepted", null],
  ["kv-0011", "Linnaea borealis L.", "L.", "species", "Caprifoliaceae", "accepted", null],
  ["kv-0012", "Drosera rotundifolia L.", "L.", "species", "Droseraceae", "accepted", null],
  ["kv-0013", "Menyanthes trifoliata L.", "L.", "species", "Menyanthaceae", "accepted", null],
  ["kv-0014", "Convallaria majalis L.", "L.", "species", "Asparagaceae", "accepted", null],
  ["kv-0015", "Maianthemum bifolium (L.) F.W.Schmidt", "(L.) F.W.Schmidt", "species", "Asparagaceae", "accepted", null],
  ["kv-0016", "Calypso bulbosa (L.) Oakes", "(L.) Oakes", "species", "Orchidaceae", "accepted", null],
  ["kv-0017", "Lycopodium annotinum L.", "L.", "species", "Lycopodiaceae", "accepted", null],
  ["kv-0018", "Equisetum sylvaticum L.", "L.", "species", "Equisetaceae", "accepted", null],
];
const vernacularTerms = ["taxonID", "vernacularName", "language"];
const vernacular: [string, string, string][] = [
  ["kv-0001", "Сосна обыкновенная", "ru"],
  ["kv-0001", "Scots pine", "en"],
  ["kv-0002", "Ель европейская", "ru"],
  ["kv-0002", "Norway spruce", "en"],
  ["kv-0003", "Ель сибирская", "ru"],
  ["kv-0004", "Берёза пушистая", "ru"],
  ["kv-0004", "Downy birch", "en"],
  ["kv-0005", "Рябина обыкновенная", "ru"],
  ["kv-0005", "Rowan", "en"],
  ["kv-0006", "Морошка", "ru"],
  ["kv-0006", "Cloudberry", "en"],
  ["kv-0007", "Черника", "ru"],
  ["kv-0007", "Bilberry", "en"],
  ["kv-0008", "Брусника", "ru"],
  ["kv-0008", "Lingonberry", "en"],
  ["kv-0010", "Багульник болотный", "ru"],
  ["kv-0010", "Marsh Labrador tea", "en"],
  ["kv-0011", "Линнея северная", "ru"],
  ["kv-0011", "Twinflower", "en"],
  ["kv-0012", "Росянка круглолистная", "ru"],
  ["kv-0012", "Round-leaved sundew", "en"],
  ["kv-0013", "Вахта трёхлистная", "ru"],
  ["kv-0013", "Bogbean", "en"],
  ["kv-0014", "Ландыш майский", "ru"],
  ["kv-0014", "Lily of the valley", "en"],
  ["kv-0015", "Майник двулистный", "ru"],
  ["kv-0016", "Калипсо луковичная", "ru"],
  ["kv-0016", "Fairy slipper", "en"],
  ["kv-0017", "Плаун годичный", "ru"],
  ["kv-0018", "Хвощ лесной", "ru"],
  ["kv-0018", "Wood horsetail", "en"],
];

const checklistMeta: DatasetMetadata = {
  ...emptyMetadata(),
  title: "Сосудистые растения заповедника «Кивач»: пример списка видов",
  description:
    "Пример набора данных dwc-excel: фрагмент списка сосудистых растений заповедника «Кивач» (Республика Карелия) с русскими и английскими названиями. Список неполный и служит иллюстрацией.\n\nExample checklist shipped with dwc-excel: part of the vascular plant list of the Kivach Nature Reserve with Russian and English vernacular names.",
  metadataLanguage: "rus",
  dataLanguage: "rus",
  license: "CC0-1.0",
  updateFrequency: "annually",
  creators: [
    agent({
      givenName: "Ольга",
      surName: "Смирнова",
      organization: "Заповедник «Кивач» (пример)",
      position: "Ботаник",
      email: "flora@example.org",
    }),
  ],
  contacts: [
    agent({
      givenName: "Ольга",
      surName: "Смирнова",
      organization: "Заповедник «Кивач» (пример)",
      email: "flora@example.org",
    }),
  ],
  metadataProviders: [
    agent({
      givenName: "Дмитрий",
      surName: "Кузнецов",
      organization: "Заповедник «Кивач» (пример)",
      email: "data@example.org",
    }),
  ],
  publishingOrganization: "Заповедник «Кивач» (пример)",
  keywords: ["флора", "Карелия", "Checklist"],
  citation: "Смирнова О. (2026). Сосудистые растения заповедника «Кивач»: пример списка видов.",
};

// ---------------------------------------------------------------------------------------------------------------
// event.xlsx: breeding bird transect counts with weather

const eventTerms = [
  "eventID",
  "type",
  "eventDate",
  "samplingProtocol",
  "sampleSizeValue",
  "sampleSizeUnit",
  "samplingEffort",
  "countryCode",
  "locationID",
  "locality",
  "decimalLatitude",
  "decimalLongitude",
  "geodeticDatum",
  "coordinateUncertaintyInMeters",
];
const protocol = "Line transect count, 2 km, unlimited distance (маршрутный учёт)";
const events: [string, string, string, string, number, number][] = [
  [
    "oka-2023-T1-0601",
    "2023-06-01T05:10/2023-06-01T06:40",
    "T1",
    "Окский заповедник, маршрут T1: кордон Лакаш — оз. Ивановское",
    54.7337,
    40.8602,
  ],
  [
    "oka-2023-T2-0601",
    "2023-06-01T07:00/2023-06-01T08:20",
    "T2",
    "Окский заповедник, маршрут T2: пойма р. Пра",
    54.7552,
    40.9104,
  ],
  [
    "oka-2023-T3-0602",
    "2023-06-02T05:05/2023-06-02T06:30",
    "T3",
    "Окский заповедник, маршрут T3: сосняк у пос. Брыкин Бор",
    54.7839,
    40.8377,
  ],
  [
    "oka-2023-T1-0615",
    "2023-06-15T04:55/2023-06-15T06:25",
    "T1",
    "Окский заповедник, маршрут T1: кордон Лакаш — оз. Ивановское",
    54.7337,
    40.8602,
  ],
  [
    "oka-2023-T2-0615",
    "2023-06-15T06:45/2023-06-15T08:05",
    "T2",
    "Окский заповедник, маршрут T2: пойма р. Пра",
    54.7552,
    40.9104,
  ],
];
const occTerms = [
  "eventID",
  "occurrenceID",
  "basisOfRecord",
  "eventDate",
  "scientificName",
  "occurrenceStatus",
  "organismQuantity",
  "organismQuantityType",
  "taxonRank",
  "kingdom",
  "countryCode",
];
const birds: Record<string, [string, number][]> = {
  "oka-2023-T1-0601": [
    ["Fringilla coelebs Linnaeus, 1758", 14],
    ["Phylloscopus trochilus (Linnaeus, 1758)", 6],
    ["Erithacus rubecula (Linnaeus, 1758)", 4],
    ["Cuculus canorus Linnaeus, 1758", 1],
  ],
  "oka-2023-T2-0601": [
    ["Acrocephalus schoenobaenus (Linnaeus, 1758)", 5],
    ["Emberiza schoeniclus (Linnaeus, 1758)", 3],
    ["Crex crex (Linnaeus, 1758)", 2],
  ],
  "oka-2023-T3-0602": [
    ["Fringilla coelebs Linnaeus, 1758", 11],
    ["Lullula arborea (Linnaeus, 1758)", 2],
    ["Anthus trivialis (Linnaeus, 1758)", 5],
    ["Dryocopus martius (Linnaeus, 1758)", 1],
  ],
  "oka-2023-T1-0615": [
    ["Fringilla coelebs Linnaeus, 1758", 12],
    ["Phylloscopus trochilus (Linnaeus, 1758)", 7],
    ["Oriolus oriolus (Linnaeus, 1758)", 2],
    ["Cuculus canorus Linnaeus, 1758", 0],
  ],
  "oka-2023-T2-0615": [
    ["Acrocephalus schoenobaenus (Linnaeus, 1758)", 6],
    ["Crex crex (Linnaeus, 1758)", 3],
    ["Luscinia luscinia (Linnaeus, 1758)", 2],
  ],
};
const mofTerms = [
  "eventID",
  "measurementID",
  "measurementType",
  "measurementValue",
  "measurementUnit",
  "measurementMethod",
];
const weather: Record<string, [number, number, number]> = {
  "oka-2023-T1-0601": [11.5, 1, 20],
  "oka-2023-T2-0601": [14, 2, 30],
  "oka-2023-T3-0602": [9.5, 0, 0],
  "oka-2023-T1-0615": [13, 1, 60],
  "oka-2023-T2-0615": [16.5, 3, 80],
};

const eventMeta: DatasetMetadata = {
  ...emptyMetadata(),
  title: "Breeding bird transect counts in the Oka Nature Reserve, 2023 (example dataset)",
  description:
    "Example sampling-event dataset shipped with dwc-excel: morning line-transect counts of breeding birds on three routes of the Oka Nature Reserve (Ryazan Oblast, Russia) in June 2023, with air temperature, wind and cloud cover. The counts are invented for illustration.",
  metadataLanguage: "eng",
  dataLanguage: "rus",
  license: "CC-BY-NC-4.0",
  updateFrequency: "annually",
  creators: [
    agent({
      givenName: "Dmitry",
      surName: "Kuznetsov",
      organization: "Oka Nature Reserve (example)",
      position: "Ornithologist",
      email: "birds@example.org",
      orcid: "0000-0002-1825-0097",
    }),
  ],
  contacts: [
    agent({
      givenName: "Dmitry",
      surName: "Kuznetsov",
      organization: "Oka Nature Reserve (example)",
      email: "birds@example.org",
    }),
  ],
  metadataProviders: [
    agent({
      givenName: "Maria",
      surName: "Orlova",
      organization: "Oka Nature Reserve (example)",
      email: "data@example.org",
    }),
  ],
  publishingOrganization: "Oka Nature Reserve (example)",
  keywords: ["birds", "transect counts", "Ryazan Oblast", "Samplingevent"],
  citation: "Kuznetsov D. (2026). Breeding bird transect counts in the Oka Nature Reserve, 2023 (example dataset).",
  methods: {
    studyExtent: "Three 2 km routes in the Oka Nature Reserve, Ryazan Oblast, Russia; June 2023.",
    samplingDescription:
      "Each route walked at dawn at about 1.5 km/h; every bird seen or heard counted, unlimited distance.",
    steps: ["Routes walked twice in June.", "Weather recorded at the start of each count."],
    qualityControl: "Counts entered the same day and checked against field notebooks.",
  },
};

async function main(): Promise<void> {
  const [occTemplate] = buildTemplate("occurrence", "minimal");
  await write({
    file: "occurrence.xlsx",
    lang: "en",
    meta: herbariumMeta,
    sheets: [
      {
        template: sheetWith(occTemplate, herbariumTerms),
        rows: specimens.map(([cat, by, date, name, family, region, locality, habitat, lat, lon, unc]) => [
          `ESU-VP-${cat}`,
          "PreservedSpecimen",
          "ESU",
          "VP",
          cat,
          by,
          date,
          name,
          "Plantae",
          family,
          "species",
          "RU",
          region,
          locality,
          habitat,
          lat,
          lon,
          "WGS84",
          unc,
          by.split(" | ")[0],
        ]),
      },
    ],
  });

  const [taxonTemplate] = buildTemplate("checklist", "minimal");
  await write({
    file: "checklist.xlsx",
    lang: "ru",
    meta: checklistMeta,
    sheets: [
      {
        template: sheetWith(taxonTemplate, taxonTerms),
        rows: taxa.map(([id, name, author, rank, family, status, accepted]) => [
          id,
          name,
          author,
          rank,
          "Plantae",
          family,
          status,
          accepted,
        ]),
      },
      { template: sheetWith(extensionTemplate("vernacularname", "checklist"), vernacularTerms), rows: vernacular },
    ],
  });

  const [eventTemplate, occurrenceExtension] = buildTemplate("event", "minimal");
  await write({
    file: "event.xlsx",
    lang: "en",
    meta: eventMeta,
    sheets: [
      {
        template: sheetWith(eventTemplate, eventTerms),
        rows: events.map(([id, date, route, locality, lat, lon]) => [
          id,
          "Event",
          date,
          protocol,
          2,
          "kilometre",
          "1.5 hours",
          "RU",
          `oka-route-${route}`,
          locality,
          lat,
          lon,
          "WGS84",
          1000,
        ]),
      },
      {
        template: sheetWith(occurrenceExtension, occTerms),
        rows: events.flatMap(([id, date]) =>
          birds[id].map(([name, n], i) => [
            id,
            `${id}-${String(i + 1).padStart(2, "0")}`,
            "HumanObservation",
            date.slice(0, 10),
            name,
            n > 0 ? "present" : "absent",
            n,
            "individuals",
            "species",
            "Animalia",
            "RU",
          ])
        ),
      },
      {
        template: sheetWith(extensionTemplate("measurementorfact", "event"), mofTerms),
        rows: events.flatMap(([id]) => {
          const [temp, wind, cloud] = weather[id];
          return [
            [id, `${id}-t`, "air temperature", temp, "°C", "thermometer at 1.5 m, start of the count"],
            [id, `${id}-w`, "wind force", wind, "Beaufort", "estimated at the start of the count"],
            [id, `${id}-c`, "cloud cover", cloud, "%", "estimated at the start of the count"],
          ];
        }),
      },
    ],
  });
  process.stdout.write(`Wrote occurrence.xlsx, checklist.xlsx, event.xlsx in ${OUT}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`make-examples: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

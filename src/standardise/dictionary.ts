/**
 * Headers as data holders write them, in Russian and English, and the Darwin Core term each stands for. Collected
 * from curators' and field biologists' sheets and the methodology's term table (seeds/004): abbreviations (`leg.`,
 * `det.`, `Кол-во экз.`, `р-н`), coordinate letters (`N`, `E`, `с.ш.`), units in the header (`Высота, м`,
 * `Точность (м)`: units are stripped before the look-up, see `headerKey`). Term names and their English and
 * Russian labels are added from the model (src/dwc) by the matcher, so they are not repeated here.
 *
 * `$coreId` is the id term of the dataset class (occurrenceID, eventID or taxonID): a `№` or `ID` column.
 * Several terms for one header mean the values decide (`N` is a latitude or a running number).
 */
// prettier-ignore
export const HEADER_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  $coreId: [
    "id", "n", "№", "№ п/п", "n п/п", "no", "no.", "nr", "номер п/п", "п/п", "#", "record id", "идентификатор",
    "код записи", "id записи", "uid",
  ],
  occurrenceID: ["occurrence id", "id находки", "код находки", "идентификатор находки", "номер находки"],
  catalogNumber: [
    "catalog number", "catalogue number", "cat. no.", "cat no", "catalog no", "catalogue no", "inventory number",
    "inv. no.", "инв. номер", "инв. №", "инвентарный номер", "инвентарный №", "каталожный номер", "номер по каталогу",
    "номер образца", "номер экземпляра", "specimen number", "specimen no", "accession number", "barcode", "штрихкод",
    "штрих-код", "номер в коллекции", "номер гербарного листа", "номер листа",
  ],
  recordNumber: [
    "collector number", "collectors number", "coll. no.", "номер сбора", "номер коллектора", "номер по дневнику",
  ],
  fieldNumber: ["field number", "field no", "полевой номер", "полевой №", "номер пробы", "sample number", "sample no"],
  recordedBy: [
    "collector", "collectors", "collected by", "leg.", "leg", "legit", "observer", "observers", "recorder",
    "recorded by", "сборщик", "сборщики", "собрал", "собрали", "собрал(и)", "коллектор", "коллекторы",
    "коллекторы (leg.)", "наблюдатель", "наблюдатели", "автор сбора", "автор находки", "автор наблюдения", "кто собрал",
    "учетчик", "учётчик", "учетчики", "сборщик (leg.)", "leg. (сборщик)",
  ],
  identifiedBy: [
    "det.", "det", "determiner", "determined by", "identified by", "identifier", "identification by", "определил",
    "определила", "определили", "определитель", "кто определил", "автор определения", "опр.", "определил (det.)",
  ],
  dateIdentified: [
    "date identified", "determination date", "det. date", "identification date", "дата определения", "год определения",
  ],
  eventDate: [
    "date", "дата", "дата сбора", "дата находки", "дата наблюдения", "дата учета", "дата учёта", "collection date",
    "date collected", "collecting date", "observation date", "event date", "sampling date", "survey date",
    "дата регистрации", "дата события", "дата отлова", "дата обнаружения", "когда собрано", "дата (дд.мм.гггг)",
  ],
  verbatimEventDate: [
    "дата на этикетке", "дата по этикетке", "дата (как на этикетке)", "verbatim date", "original date", "дата дословно",
    "label date", "дата (дословно)",
  ],
  eventTime: ["time", "время", "время наблюдения", "время сбора", "time of day", "observation time"],
  year: ["year", "год", "год сбора", "yyyy", "гггг"],
  month: ["month", "месяц", "месяц сбора"],
  day: ["day", "день", "число"],
  scientificName: [
    "species", "вид", "taxon", "таксон", "scientific name", "latin name", "латинское название", "научное название",
    "название вида", "вид (лат.)", "название (лат.)", "taxon name", "species name", "name", "название", "наименование",
    "вид, автор", "вид с автором", "латынь", "лат. название", "таксон (лат.)", "species (latin)",
  ],
  vernacularName: [
    "русское название", "народное название", "common name", "vernacular name", "рус. название", "название (рус.)",
    "вид (рус.)", "русское наименование", "english name", "местное название",
  ],
  scientificNameAuthorship: [
    "author", "authority", "автор", "автор таксона", "автор названия", "авторство", "автор вида", "author and year",
    "автор и год",
  ],
  kingdom: ["kingdom", "царство"],
  phylum: ["phylum", "тип", "отдел", "division"],
  class: ["class", "класс"],
  order: ["order", "отряд", "порядок"],
  family: ["family", "семейство", "сем.", "fam."],
  genus: ["genus", "род", "gen."],
  specificEpithet: ["specific epithet", "epithet", "видовой эпитет", "эпитет"],
  infraspecificEpithet: ["подвид", "subspecies", "ssp.", "подвидовой эпитет", "infraspecific epithet"],
  taxonRank: ["rank", "ранг", "таксономический ранг", "ранг таксона"],
  taxonRemarks: ["taxon remarks", "примечание к таксону"],
  typeStatus: ["type status", "типовой статус", "статус типа", "тип (номенклатурный)"],
  identificationQualifier: ["identification qualifier", "cf./aff.", "квалификатор определения"],
  nameAccordingTo: ["according to", "номенклатура по", "номенклатура", "источник названия"],
  acceptedNameUsage: ["accepted name", "валидное название", "принятое название"],
  taxonID: ["taxon id", "id таксона", "код таксона"],
  individualCount: [
    "count", "individual count", "individuals", "number of individuals", "no. of specimens", "specimens", "n specimens",
    "кол-во", "кол-во экз.", "кол-во экз", "кол-во особей", "количество", "количество экземпляров", "количество особей",
    "число особей", "число экземпляров", "экз.", "экз", "n экз.", "особей", "ос.", "number", "quantity",
  ],
  organismQuantity: [
    "abundance", "обилие", "численность", "покрытие", "проективное покрытие", "cover", "балл обилия", "обилие (балл)",
  ],
  organismQuantityType: ["единица обилия", "quantity type", "abundance unit", "шкала обилия"],
  sex: ["sex", "gender", "пол", "пол особи", "sex (m/f)"],
  lifeStage: [
    "life stage", "stage", "age", "стадия", "возраст", "стадия развития", "возрастная стадия", "фаза", "фенофаза",
    "age class",
  ],
  reproductiveCondition: ["reproductive condition", "репродуктивное состояние", "breeding status", "гнездовой статус"],
  behavior: ["behavior", "behaviour", "поведение", "активность"],
  occurrenceStatus: ["occurrence status", "присутствие", "статус находки", "present/absent", "наличие"],
  basisOfRecord: ["basis of record", "basis", "основа записи", "тип находки", "тип данных", "происхождение записи"],
  preparations: ["preparations", "preparation", "препарат", "тип препарата", "способ хранения", "фиксация", "хранение"],
  disposition: ["disposition", "статус образца", "наличие в коллекции"],
  associatedMedia: [
    "photo", "photos", "фото", "фотография", "ссылка на фото", "media", "image", "изображение", "фото (ссылка)",
  ],
  associatedReferences: [
    "литература", "литературный источник", "publication", "reference", "публикация", "источник (литература)",
  ],
  associatedTaxa: ["host", "хозяин", "растение-хозяин", "кормовое растение", "associated taxa", "связанные таксоны"],
  references: ["url", "link", "ссылка", "веб-страница", "web page"],
  occurrenceRemarks: [
    "notes", "note", "remarks", "comment", "comments", "примечание", "примечания", "прим.", "комментарий",
    "комментарии", "замечания", "заметки", "дополнительно", "доп. информация", "дополнительная информация", "remark",
  ],
  eventRemarks: ["event remarks", "примечание к событию", "погода", "weather", "погодные условия"],
  locationRemarks: ["location remarks", "примечание к местонахождению", "примечание к месту"],
  identificationRemarks: ["identification remarks", "примечание к определению"],
  habitat: [
    "habitat", "местообитание", "биотоп", "стация", "растительное сообщество", "тип местообитания", "среда обитания",
    "biotope", "экотоп", "субстрат", "substrate",
  ],
  samplingProtocol: [
    "method", "methods", "sampling method", "sampling protocol", "collecting method", "collection method", "метод",
    "метод сбора", "способ сбора", "методика", "орудие лова", "способ учета", "способ учёта", "метод учета", "ловушка",
    "trap type", "тип ловушки",
  ],
  samplingEffort: [
    "effort", "sampling effort", "усилие", "выборочное усилие", "ловушко-сутки", "усилие учета", "trap nights",
    "ловушко-ночи",
  ],
  sampleSizeValue: [
    "sample size", "размер пробы", "площадь пробы", "площадь учета", "площадь учёта", "площадь площадки",
  ],
  sampleSizeUnit: ["sample size unit", "единица площади", "единица размера пробы"],
  eventID: [
    "event id", "id события", "код события", "номер площадки", "площадка", "plot", "plot id", "station", "станция",
    "номер станции", "учётная площадка", "учетная площадка", "пробная площадь", "site id", "номер описания",
    "описание №",
  ],
  parentEventID: ["parent event id", "родительское событие", "id родительского события", "экспедиция", "маршрут"],
  locationID: ["location id", "код локалитета", "id локалитета", "код точки", "точка", "номер точки", "point"],
  higherGeography: ["higher geography", "общая география", "физико-географический район", "geographic region"],
  continent: ["continent", "континент", "материк", "часть света"],
  waterBody: [
    "water body", "waterbody", "водоём", "водоем", "водный объект", "river", "lake", "sea", "море", "река", "озеро",
    "бассейн",
  ],
  island: ["island", "остров"],
  islandGroup: ["island group", "архипелаг"],
  country: ["country", "страна", "государство", "country name", "страна сбора", "страна находки"],
  countryCode: ["country code", "код страны", "iso", "iso code", "iso2", "iso-код страны"],
  stateProvince: [
    "state", "province", "state/province", "region", "регион", "область", "край", "республика", "субъект", "субъект рф",
    "обл.", "oblast", "krai", "субъект федерации", "регион рф", "административный регион", "обл./край/респ.",
    "region (oblast)",
  ],
  county: [
    "county", "district", "район", "р-н", "административный район", "муниципальный район", "округ", "raion", "rayon",
    "городской округ",
  ],
  municipality: [
    "municipality", "населенный пункт", "населённый пункт", "город", "нас. пункт", "н.п.", "settlement", "town",
    "village", "ближайший населенный пункт",
  ],
  locality: [
    "locality", "location", "place", "site", "местонахождение", "место сбора", "место находки", "место", "локалитет",
    "пункт", "место наблюдения", "урочище", "описание места", "адрес", "местоположение", "place name",
    "collecting site", "точное местонахождение", "место сбора (местонахождение)", "geographic locality",
  ],
  verbatimLocality: [
    "местонахождение (как на этикетке)", "этикетка", "текст этикетки", "verbatim locality", "label", "label text",
    "locality (verbatim)", "местонахождение дословно", "этикеточные данные", "данные этикетки",
  ],
  decimalLatitude: [
    "lat", "latitude", "lat.", "широта", "шир.", "с.ш.", "с. ш.", "n", "north", "y", "decimal latitude", "широта (n)",
    "широта n", "коорд. n", "координаты n", "lat dd", "gps n", "gps широта", "latitude (dd)", "широта (dd)", "lat (n)",
  ],
  decimalLongitude: [
    "lon", "long", "lng", "longitude", "long.", "долгота", "долг.", "в.д.", "в. д.", "e", "east", "x",
    "decimal longitude", "долгота (e)", "долгота e", "коорд. e", "координаты e", "lon dd", "gps e", "gps долгота",
    "longitude (dd)", "долгота (dd)", "lon (e)",
  ],
  verbatimLatitude: ["verbatim latitude", "широта (как на этикетке)", "широта дословно"],
  verbatimLongitude: ["verbatim longitude", "долгота (как на этикетке)", "долгота дословно"],
  verbatimCoordinates: [
    "coordinates", "координаты", "gps", "gps координаты", "коорд.", "coords", "географические координаты",
    "координаты (gps)", "lat/lon", "lat/long", "широта/долгота", "latlon", "lat, lon", "широта, долгота",
    "gps-координаты",
  ],
  geodeticDatum: ["datum", "датум", "система координат", "geodetic datum", "эллипсоид"],
  coordinateUncertaintyInMeters: [
    "accuracy", "uncertainty", "точность", "точность координат", "погрешность", "погрешность координат", "gps accuracy",
    "радиус неопределенности", "радиус неопределённости", "coordinate uncertainty", "неопределенность",
    "неопределённость",
  ],
  coordinatePrecision: ["coordinate precision", "precision"],
  georeferencedBy: ["georeferenced by", "привязал", "автор геопривязки", "геопривязка (автор)"],
  georeferenceSources: [
    "источник координат", "источник геопривязки", "georeference source", "georeference sources", "карта",
  ],
  minimumElevationInMeters: [
    "elevation", "altitude", "alt", "alt.", "elev", "elev.", "высота", "высота н.у.м.", "высота над уровнем моря",
    "абс. высота", "абсолютная высота", "h", "высота (мин.)", "минимальная высота", "высота от", "min elevation",
  ],
  maximumElevationInMeters: ["max elevation", "максимальная высота", "высота макс.", "высота до", "высота (макс.)"],
  minimumDepthInMeters: ["depth", "глубина", "min depth", "минимальная глубина", "глубина от", "глубина (мин.)"],
  maximumDepthInMeters: ["max depth", "максимальная глубина", "глубина до", "глубина (макс.)"],
  verbatimElevation: ["verbatim elevation", "высота (как на этикетке)", "высота дословно"],
  verbatimDepth: ["verbatim depth", "глубина (как на этикетке)", "глубина дословно"],
  institutionCode: [
    "institution", "institution code", "учреждение", "организация", "институт", "код учреждения", "музей", "museum",
  ],
  collectionCode: ["collection", "collection code", "коллекция", "код коллекции", "фонд", "herbarium", "гербарий"],
  datasetName: ["dataset", "dataset name", "набор данных", "название набора данных"],
  rightsHolder: ["rights holder", "владелец", "владелец данных"],
  license: ["licence", "лицензия"],
  modified: ["last modified", "изменено", "дата последнего изменения"],
  language: ["язык записи"],
};

/** Terms that take several values separated by ` | `: two columns mapped to one of them are joined, not a conflict. */
export const MULTI_VALUE_TERMS: ReadonlySet<string> = new Set([
  "recordedBy",
  "identifiedBy",
  "occurrenceRemarks",
  "eventRemarks",
  "locationRemarks",
  "identificationRemarks",
  "taxonRemarks",
  "associatedMedia",
  "associatedReferences",
  "associatedTaxa",
  "habitat",
  "higherGeography",
  "georeferenceSources",
  "preparations",
  "samplingProtocol",
]);

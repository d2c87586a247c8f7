/**
 * BDQ tests of the TIME dimension: eventDate, dateIdentified, year, month, day, startDayOfYear, endDayOfYear and
 * verbatimEventDate.
 */
import {
  dateOfDayOfYear,
  dayOfYear,
  daysInMonth,
  formatIsoDate,
  isLeapYear,
  parseIsoDate,
  withinOne,
  type IsoDate,
} from "../isoDate";
import {
  amended,
  compliant,
  filledIn,
  internalPrerequisitesNotMet,
  measured,
  notAmended,
  notCompliant,
  notReported,
  validation,
} from "../response";
import type { BdqParameters, BdqTestFunction } from "../types";
import { get, isEmpty, param, toInteger } from "../values";
import { interpretDate, monthFromWord } from "../verbatimDate";

const DAY_MS = 86_400_000;

let cachedToday = { day: -1, year: 0, endOfDayMs: 0 };

/** "Now" for the {current year}/{current day} defaults; a parameter `currentDate` (ISO) overrides it. */
function today(parameters: BdqParameters): { year: number; endOfDayMs: number } {
  const given = parameters.currentDate ? parseIsoDate(parameters.currentDate.trim()) : undefined;
  if (given) return { year: given.end.year, endOfDayMs: given.endMs };
  const day = Math.floor(Date.now() / DAY_MS);
  if (day !== cachedToday.day) {
    cachedToday = { day, year: new Date(day * DAY_MS).getUTCFullYear(), endOfDayMs: (day + 1) * DAY_MS };
  }
  return cachedToday;
}

// ------------------------------------------------------------------ eventDate / dateIdentified format

function isoStandard(term: string): BdqTestFunction {
  return (record) => {
    const v = get(record, term);
    if (isEmpty(v)) return internalPrerequisitesNotMet(`dwc:${term} is bdqval:Empty`);
    return validation(
      parseIsoDate(v) !== undefined,
      `dwc:${term} is a valid ISO 8601 date`,
      `dwc:${term} is not a valid ISO 8601 date`
    );
  };
}

export const eventDateStandard = isoStandard("eventDate");
export const dateIdentifiedStandard = isoStandard("dateIdentified");

/** VALIDATION_EVENTDATE_INRANGE: within bdqval:earliestValidDate (1582-11-15) .. latestValidDate (current year). */
export const eventDateInRange: BdqTestFunction = (record, parameters) => {
  const v = get(record, "eventDate");
  if (isEmpty(v)) return internalPrerequisitesNotMet("dwc:eventDate is bdqval:Empty");
  const d = parseIsoDate(v);
  if (!d) return internalPrerequisitesNotMet("dwc:eventDate is not a valid ISO 8601 date");
  const earliest = parseIsoDate(param(parameters, "earliestValidDate", "1582-11-15"));
  const latest = parseIsoDate(param(parameters, "latestValidDate", String(today(parameters).year)));
  if (!earliest || !latest)
    return internalPrerequisitesNotMet("bdqval:earliestValidDate or bdqval:latestValidDate is not a date");
  return validation(
    d.startMs >= earliest.startMs && d.endMs <= latest.endMs,
    "dwc:eventDate is within the valid range",
    "dwc:eventDate is outside the valid range"
  );
};

/**
 * VALIDATION_DATEIDENTIFIED_INRANGE: within 1753-01-01 .. today, and (with bdqval:includeEventDate, default
 * true) not ending before dwc:eventDate starts.
 */
export const dateIdentifiedInRange: BdqTestFunction = (record, parameters) => {
  const v = get(record, "dateIdentified");
  if (isEmpty(v)) return internalPrerequisitesNotMet("dwc:dateIdentified is bdqval:Empty");
  const d = parseIsoDate(v);
  if (!d) return internalPrerequisitesNotMet("dwc:dateIdentified is not a valid ISO 8601 date");
  const includeEventDate = param(parameters, "includeEventDate", "true").toLowerCase() !== "false";
  const eventText = get(record, "eventDate");
  let event: IsoDate | undefined;
  if (includeEventDate && !isEmpty(eventText)) {
    event = parseIsoDate(eventText);
    if (!event) return internalPrerequisitesNotMet("dwc:eventDate is not a valid ISO 8601 date");
  }
  const earliest = parseIsoDate(param(parameters, "earliestValidDate", "1753-01-01"));
  const latestText = parameters.latestValidDate;
  const latestMs =
    latestText && !isEmpty(latestText) ? parseIsoDate(latestText.trim())?.endMs : today(parameters).endOfDayMs;
  if (!earliest || latestMs === undefined) {
    return internalPrerequisitesNotMet("bdqval:earliestValidDate or bdqval:latestValidDate is not a date");
  }
  if (d.startMs < earliest.startMs || d.endMs > latestMs)
    return notCompliant("dwc:dateIdentified is outside the valid range");
  if (event && d.endMs < event.startMs) return notCompliant("dwc:dateIdentified is before dwc:eventDate");
  return compliant("dwc:dateIdentified is in range");
};

// ------------------------------------------------------------------ year, month, day

/** VALIDATION_YEAR_INRANGE: an integer within bdqval:earliestValidDate (1582) .. latestValidDate (current year). */
export const yearInRange: BdqTestFunction = (record, parameters) => {
  const v = get(record, "year");
  if (isEmpty(v)) return internalPrerequisitesNotMet("dwc:year is bdqval:Empty");
  const year = toInteger(v);
  if (Number.isNaN(year)) return internalPrerequisitesNotMet("dwc:year is not an integer");
  const yearOf = (s: string) => Number(/^-?\d+/.exec(s)?.[0] ?? NaN);
  const earliest = yearOf(param(parameters, "earliestValidDate", "1582"));
  const latest = yearOf(param(parameters, "latestValidDate", String(today(parameters).year)));
  return validation(year >= earliest && year <= latest, "dwc:year is in range", "dwc:year is out of range");
};

export const monthStandard: BdqTestFunction = (record) => {
  const v = get(record, "month");
  if (isEmpty(v)) return internalPrerequisitesNotMet("dwc:month is bdqval:Empty");
  const m = toInteger(v);
  return validation(m >= 1 && m <= 12, "dwc:month is an integer 1..12", "dwc:month is not an integer 1..12");
};

export const dayStandard: BdqTestFunction = (record) => {
  const v = get(record, "day");
  if (isEmpty(v)) return internalPrerequisitesNotMet("dwc:day is bdqval:Empty");
  const d = toInteger(v);
  return validation(d >= 1 && d <= 31, "dwc:day is an integer 1..31", "dwc:day is not an integer 1..31");
};

/** VALIDATION_DAY_INRANGE: a day that exists in the given month (and year, for 29 February). */
export const dayInRange: BdqTestFunction = (record) => {
  const v = get(record, "day");
  if (isEmpty(v)) return internalPrerequisitesNotMet("dwc:day is bdqval:Empty");
  const day = toInteger(v);
  if (Number.isNaN(day)) return internalPrerequisitesNotMet("dwc:day is not an integer");
  if (day >= 1 && day <= 28) return compliant("dwc:day is in range");
  if (day < 1 || day > 31) return notCompliant("dwc:day is not in range");
  const month = toInteger(get(record, "month"));
  if (!(month >= 1 && month <= 12)) return internalPrerequisitesNotMet("dwc:day is 29..31 and dwc:month is not 1..12");
  if (month === 2 && day === 29) {
    const yearText = get(record, "year").trim();
    if (!/^\d{4}$/.test(yearText))
      return internalPrerequisitesNotMet("dwc:day is 29 February and dwc:year is not a year");
    return validation(
      isLeapYear(Number(yearText)),
      "29 February in a leap year",
      "29 February in a year that is not a leap year"
    );
  }
  return validation(
    day <= daysInMonth(2001, month),
    "dwc:day is in range for dwc:month",
    "dwc:day is not in range for dwc:month"
  );
};

function dayOfYearInRange(term: "startDayOfYear" | "endDayOfYear"): BdqTestFunction {
  return (record) => {
    const v = get(record, term);
    if (isEmpty(v)) return internalPrerequisitesNotMet(`dwc:${term} is bdqval:Empty`);
    const n = toInteger(v);
    if (n >= 1 && n <= 365) return compliant(`dwc:${term} is in range`);
    if (n !== 366) return notCompliant(`dwc:${term} is not an integer 1..366`);
    const event = get(record, "eventDate");
    const d = isEmpty(event) ? undefined : parseIsoDate(event);
    if (!d) return internalPrerequisitesNotMet(`dwc:${term} is 366 and no year can be read from dwc:eventDate`);
    const year = term === "startDayOfYear" ? d.start.year : d.end.year;
    return validation(isLeapYear(year), `${year} is a leap year`, `${year} is not a leap year`);
  };
}

export const startDayOfYearInRange = dayOfYearInRange("startDayOfYear");
export const endDayOfYearInRange = dayOfYearInRange("endDayOfYear");

/** VALIDATION_EVENT_CONSISTENT: year, month, day, startDayOfYear and endDayOfYear agree with eventDate. */
export const eventConsistent: BdqTestFunction = (record) => {
  const eventText = get(record, "eventDate");
  if (isEmpty(eventText)) return internalPrerequisitesNotMet("dwc:eventDate is bdqval:Empty");
  const year = get(record, "year");
  const month = get(record, "month");
  const day = get(record, "day");
  const start = get(record, "startDayOfYear");
  const end = get(record, "endDayOfYear");
  if ([year, month, day, start, end].every(isEmpty)) {
    return internalPrerequisitesNotMet(
      "dwc:year, dwc:month, dwc:day, dwc:startDayOfYear and dwc:endDayOfYear are bdqval:Empty"
    );
  }
  const d = parseIsoDate(eventText);
  if (!d) return notCompliant("dwc:eventDate is not a valid ISO 8601 date");
  const problems: string[] = [];
  if (!isEmpty(year) && !(withinOne(d, "year") && toInteger(year) === d.start.year)) problems.push("dwc:year");
  if (!isEmpty(month) && !(withinOne(d, "month") && toInteger(month) === d.start.month)) problems.push("dwc:month");
  if (!isEmpty(day) && !(withinOne(d, "day") && toInteger(day) === d.start.day)) problems.push("dwc:day");
  const dayPrecise = (p: IsoDate["start"]) => p.precision === "day" || p.precision === "time";
  if (
    !isEmpty(start) &&
    !(dayPrecise(d.start) && toInteger(start) === dayOfYear(d.start.year, d.start.month, d.start.day))
  ) {
    problems.push("dwc:startDayOfYear");
  }
  if (!isEmpty(end) && !(dayPrecise(d.end) && toInteger(end) === dayOfYear(d.end.year, d.end.month, d.end.day))) {
    problems.push("dwc:endDayOfYear");
  }
  return problems.length === 0
    ? compliant("dwc:eventDate is consistent with the atomic date terms")
    : notCompliant(`${problems.join(", ")} not consistent with dwc:eventDate`);
};

// ------------------------------------------------------------------ amendments

function standardizeDate(term: string): BdqTestFunction {
  return (record) => {
    const v = get(record, term);
    if (isEmpty(v)) return internalPrerequisitesNotMet(`dwc:${term} is bdqval:Empty`);
    if (parseIsoDate(v)) return notAmended(`dwc:${term} is already a valid ISO 8601 date`);
    const iso = interpretDate(v);
    return iso === undefined
      ? notAmended(`dwc:${term} cannot be unambiguously interpreted as an ISO 8601 date`)
      : amended({ [`dwc:${term}`]: iso }, `dwc:${term} interpreted as ${iso}`);
  };
}

export const eventDateStandardized = standardizeDate("eventDate");
export const dateIdentifiedStandardized = standardizeDate("dateIdentified");

/** AMENDMENT_EVENTDATE_FROM_VERBATIM: fill an empty eventDate from verbatimEventDate. */
export const eventDateFromVerbatim: BdqTestFunction = (record) => {
  if (!isEmpty(record.eventDate)) return internalPrerequisitesNotMet("dwc:eventDate is bdqval:NotEmpty");
  const v = get(record, "verbatimEventDate");
  if (isEmpty(v)) return internalPrerequisitesNotMet("dwc:verbatimEventDate is bdqval:Empty");
  // A verbatim value without a single digit or CJK numeral cannot hold a year, so it is not a date at all.
  if (!/\d/.test(v)) return internalPrerequisitesNotMet("dwc:verbatimEventDate holds no date");
  const iso = interpretDate(v);
  return iso === undefined
    ? notAmended("dwc:verbatimEventDate cannot be unambiguously interpreted as a date")
    : filledIn({ "dwc:eventDate": iso }, `dwc:eventDate interpreted from dwc:verbatimEventDate as ${iso}`);
};

/** AMENDMENT_EVENTDATE_FROM_YEARMONTHDAY: keeps the precision given (year 1980, month 1 → 1980-01). */
export const eventDateFromYearMonthDay: BdqTestFunction = (record) => {
  if (!isEmpty(record.eventDate)) return internalPrerequisitesNotMet("dwc:eventDate is bdqval:NotEmpty");
  const yearText = get(record, "year");
  if (isEmpty(yearText)) return internalPrerequisitesNotMet("dwc:year is bdqval:Empty");
  const year = toInteger(yearText);
  if (Number.isNaN(year)) return internalPrerequisitesNotMet("dwc:year is not an integer");
  if (year < 0 || year > 9999) return notAmended("dwc:year is not a valid ISO 8601 year");
  const monthText = get(record, "month");
  const dayText = get(record, "day");
  let iso: string;
  if (isEmpty(monthText)) iso = formatIsoDate(year);
  else {
    const month = toInteger(monthText);
    if (!(month >= 1 && month <= 12)) return notAmended("dwc:month is not an integer 1..12");
    if (isEmpty(dayText)) iso = formatIsoDate(year, month);
    else {
      const day = toInteger(dayText);
      if (!(day >= 1 && day <= daysInMonth(year, month))) return notAmended("dwc:day is not a day of that month");
      iso = formatIsoDate(year, month, day);
    }
  }
  return filledIn({ "dwc:eventDate": iso }, `dwc:eventDate filled in from dwc:year, dwc:month, dwc:day as ${iso}`);
};

/** AMENDMENT_EVENTDATE_FROM_YEARSTARTDAYOFYEARENDDAYOFYEAR. */
export const eventDateFromYearStartEndDayOfYear: BdqTestFunction = (record) => {
  if (!isEmpty(record.eventDate)) return internalPrerequisitesNotMet("dwc:eventDate is bdqval:NotEmpty");
  const yearText = get(record, "year");
  const startText = get(record, "startDayOfYear");
  const endText = get(record, "endDayOfYear");
  if (isEmpty(yearText) || isEmpty(startText) || isEmpty(endText)) {
    return internalPrerequisitesNotMet("dwc:year, dwc:startDayOfYear or dwc:endDayOfYear is bdqval:Empty");
  }
  const year = toInteger(yearText);
  if (Number.isNaN(year) || year < 0 || year > 9999) return internalPrerequisitesNotMet("dwc:year is not a valid year");
  const start = dateOfDayOfYear(year, toInteger(startText));
  const end = dateOfDayOfYear(year, toInteger(endText));
  if (!start || !end) return notAmended("dwc:startDayOfYear or dwc:endDayOfYear is not a day of that year");
  if (toInteger(startText) > toInteger(endText)) return notAmended("dwc:startDayOfYear is after dwc:endDayOfYear");
  const a = formatIsoDate(year, start.month, start.day);
  const b = formatIsoDate(year, end.month, end.day);
  const iso = a === b ? a : `${a}/${b}`;
  return filledIn({ "dwc:eventDate": iso }, `dwc:eventDate filled in as ${iso}`);
};

/** AMENDMENT_EVENT_FROM_EVENTDATE: fill empty year, month, day, startDayOfYear, endDayOfYear from eventDate. */
export const eventFromEventDate: BdqTestFunction = (record) => {
  const text = get(record, "eventDate");
  if (isEmpty(text)) return internalPrerequisitesNotMet("dwc:eventDate is bdqval:Empty");
  const d = parseIsoDate(text);
  if (!d) return internalPrerequisitesNotMet("dwc:eventDate is not a valid ISO 8601 date");
  const changes: Record<string, string> = {};
  if (isEmpty(record.year) && withinOne(d, "year")) changes["dwc:year"] = String(d.start.year);
  if (isEmpty(record.month) && withinOne(d, "month")) changes["dwc:month"] = String(d.start.month);
  if (isEmpty(record.day) && withinOne(d, "day")) changes["dwc:day"] = String(d.start.day);
  const dayPrecise = (p: IsoDate["start"]) => p.precision === "day" || p.precision === "time";
  if (isEmpty(record.startDayOfYear) && dayPrecise(d.start)) {
    changes["dwc:startDayOfYear"] = String(dayOfYear(d.start.year, d.start.month, d.start.day));
  }
  if (isEmpty(record.endDayOfYear) && dayPrecise(d.end)) {
    changes["dwc:endDayOfYear"] = String(dayOfYear(d.end.year, d.end.month, d.end.day));
  }
  return Object.keys(changes).length === 0
    ? notAmended("no empty atomic date term can be filled in from dwc:eventDate")
    : filledIn(changes, `filled in from dwc:eventDate: ${Object.keys(changes).join(", ")}`);
};

/** AMENDMENT_DAY_STANDARDIZED: `23rd` → 23. Roman numerals are not days (ambiguous). */
export const dayStandardized: BdqTestFunction = (record) => {
  const v = get(record, "day");
  if (isEmpty(v)) return internalPrerequisitesNotMet("dwc:day is bdqval:Empty");
  const m = /^0*(\d{1,2})(?:st|nd|rd|th|\.)?$/i.exec(v.trim());
  const day = m ? Number(m[1]) : NaN;
  if (!(day >= 1 && day <= 31)) return notAmended("dwc:day cannot be interpreted as an integer 1..31");
  if (String(day) === v) return notAmended("dwc:day is already an integer 1..31");
  return amended({ "dwc:day": String(day) }, `dwc:day interpreted as ${day}`);
};

/** AMENDMENT_MONTH_STANDARDIZED: month names, unambiguous abbreviations and Roman numerals → 1..12. */
export const monthStandardized: BdqTestFunction = (record) => {
  const v = get(record, "month");
  if (isEmpty(v)) return internalPrerequisitesNotMet("dwc:month is bdqval:Empty");
  const t = v.trim();
  let month = /^\d+$/.test(t) ? Number(t) : monthFromWord(t);
  if (!(month >= 1 && month <= 12)) month = 0;
  if (month === 0) return notAmended("dwc:month cannot be unambiguously interpreted as a month");
  if (String(month) === v) return notAmended("dwc:month is already an integer 1..12");
  return amended({ "dwc:month": String(month) }, `dwc:month interpreted as ${month}`);
};

// ------------------------------------------------------------------ measure

/** MEASURE_EVENTDATE_DURATIONINSECONDS: days count 86400 s, leap days included. */
export const eventDateDurationInSeconds: BdqTestFunction = (record) => {
  const v = get(record, "eventDate");
  if (isEmpty(v)) return notReported("dwc:eventDate is bdqval:Empty");
  const d = parseIsoDate(v);
  if (!d) return notReported("dwc:eventDate is not a valid ISO 8601 date");
  return measured(Math.round((d.endMs - d.startMs) / 1000), "duration of dwc:eventDate in seconds");
};

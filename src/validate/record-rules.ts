/** Record rules: required values, the record id, date parts against eventDate, coordinate pairs. */
import { dayOfYear, type ParsedDate } from "./dates";
import { isBdqGeometryLoaded } from "./bdq";
import { makeIssue } from "./issue";
import { RULE } from "./rules";
import type { Issue } from "./types";
import { geographyRules, swappedIssue } from "./geography";
import { DATE_PARTS, type SheetPlan, textOf, txt } from "./plan";
/** Record rules: required values, the record id, date parts against eventDate, coordinate pairs. */
export function recordRules(plan: SheetPlan, row: number, out: Issue[]): void {
  const { texts, nums, name: sheet } = plan;
  const required = plan.requiredColumns;
  for (let k = 0; k < required.length; k++) {
    const c = required[k];
    if (texts[c] !== "") continue;
    const term = plan.columns[c].term as string;
    const rule = plan.requiredRules[k];
    // An event's date may come from its parent or child events: decided when the sheet is finished.
    if (rule === RULE.eventDateMissing) continue;
    const message =
      rule === RULE.basisOfRecord
        ? txt(`basisOfRecord is empty: the IPT refuses to publish an occurrence without it`, `basisOfRecord не заполнен: IPT не публикует находку без него`)
        : rule === RULE.idMissing
          ? txt(`${term} is empty: when the column is there, the IPT needs one for every occurrence`, `${term} не заполнен: если столбец есть, IPT требует его у каждой находки`)
          : rule === RULE.requiredValue
          ? txt(`${term}, which the extension requires, is empty`, `Не заполнено поле ${term}, обязательное для расширения`)
          : txt(`Strongly recommended ${term} is empty`, `Не заполнено настоятельно рекомендуемое поле ${term}`);
    out.push(makeIssue(rule, sheet, row, c, term, "", message));
  }
  if (plan.idColumn >= 0 && texts[plan.idColumn] === "" && plan.role) {
    const term = plan.role.idTerm;
    const what = plan.role.kind === "core" ? txt("record id", "идентификатор записи") : txt("link to the core", "ссылка на ядро");
    out.push(makeIssue(RULE.idMissing, sheet, row, plan.idColumn, term, "", txt(`${term} (${what.en}) is empty`, `${term} (${what.ru}) не заполнен`)));
  }
  const { eventDate: ed, lat: la, lon: lo } = plan.at;
  if (ed >= 0) {
    if (texts[ed] !== "" && plan.parsedDate) eventDateAgreement(plan, row, plan.parsedDate, out);
    plan.parsedDate = undefined;
  }
  if (la >= 0 && lo >= 0) {
    const lat = nums[la];
    const lon = nums[lo];
    if (!Number.isNaN(lat) && !Number.isNaN(lon)) coordinatePair(plan, row, la, lo, lat, lon, out);
  }
}

export function eventDateAgreement(plan: SheetPlan, row: number, d: ParsedDate, out: Issue[]): void {
  const { nums, texts } = plan;
  const s = d.start;
  const e = d.end;
  for (let k = 0; k < DATE_PARTS.length; k++) {
    const c = plan.at.parts[k];
    if (c < 0 || texts[c] === "") continue;
    const x = nums[c];
    if (Number.isNaN(x)) continue;
    // Compared as numbers; the expected value is only written out for a disagreement.
    switch (k) {
      case 0: // year
        if (x < s.year || x > e.year) dateDisagrees(plan, row, k, c, s.year === e.year ? String(s.year) : `${s.year}…${e.year}`, out);
        break;
      case 1: // month
        if (s.precision < 2) break;
        if (s.year === e.year && e.precision >= 2 ? x < s.month || x > e.month : x !== s.month && x !== e.month) {
          dateDisagrees(plan, row, k, c, s.month === e.month || e.precision < 2 ? String(s.month) : `${s.month}…${e.month}`, out);
        }
        break;
      case 2: // day
        if (s.precision < 3) break;
        if (!(x === s.day || (e.precision === 3 && x === e.day) || (s.year === e.year && s.month === e.month && x >= s.day && x <= e.day))) {
          dateDisagrees(plan, row, k, c, s.day === e.day || e.precision < 3 ? String(s.day) : `${s.day}…${e.day}`, out);
        }
        break;
      case 3: { // startDayOfYear
        if (s.precision < 3) break;
        const doy = dayOfYear(s.year, s.month, s.day);
        if (x !== doy) dateDisagrees(plan, row, k, c, String(doy), out);
        break;
      }
      default: { // endDayOfYear
        if (e.precision < 3) break;
        const doy = dayOfYear(e.year, e.month, e.day);
        if (x !== doy) dateDisagrees(plan, row, k, c, String(doy), out);
      }
    }
  }
}

export function dateDisagrees(plan: SheetPlan, row: number, k: number, c: number, expected: string, out: Issue[]): void {
  const part = DATE_PARTS[k];
  const eventDate = plan.texts[plan.at.eventDate];
  const shownPart = textOf(plan, c);
  out.push(makeIssue(RULE.eventDateFieldsAgree, plan.name, row, c, part, shownPart, txt(`${part} ${shownPart} disagrees with eventDate ${eventDate} (expected ${expected})`, `${part} ${shownPart} не согласуется с eventDate ${eventDate} (ожидается ${expected})`)));
}

export function coordinatePair(plan: SheetPlan, row: number, la: number, lo: number, lat: number, lon: number, out: Issue[]): void {
  const sheet = plan.name;
  if (lat === 0 && lon === 0) {
    out.push(makeIssue(RULE.coordinatesZero, sheet, row, la, "decimalLatitude", "0, 0", txt("Coordinates 0, 0 (Gulf of Guinea) are almost always a missing position; leave them empty if unknown", "Координаты 0, 0 (Гвинейский залив) почти всегда означают отсутствие координат; оставьте пустыми, если неизвестны")));
    return;
  }
  const swappedOutOfRange = (lat < -90 || lat > 90) && lon >= -90 && lon <= 90 && lat >= -180 && lat <= 180;
  if (!swappedOutOfRange) {
    if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 && isBdqGeometryLoaded()) geographyRules(plan, row, la, lo, lat, lon, out);
    return;
  }
  swappedIssue(plan, row, la, lo, "", out);
}



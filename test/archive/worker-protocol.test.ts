/**
 * The worker protocol, with messages passed through structuredClone as postMessage would (transfer lists are
 * checked for duplicates, which postMessage rejects).
 */
import type { FromExportWorker, ToExportWorker } from "../../src/archive/worker-protocol";
import { createExportWorker, exportOrder } from "../../src/archive/worker-protocol";
import { readArchive, recordsOf } from "../../src/archive";
import { role } from "./workbooks";

function harness() {
  const received: FromExportWorker[] = [];
  let done: (m: FromExportWorker) => void = () => undefined;
  const finished = new Promise<FromExportWorker>((resolve) => (done = resolve));
  const send = createExportWorker((message, transfer) => {
    expect(new Set(transfer).size).toBe(transfer.length);
    const copy = structuredClone(message);
    received.push(copy);
    if (copy.type === "done" || copy.type === "failed") done(copy);
  });
  return { send: (m: ToExportWorker) => send(structuredClone(m)), received, finished };
}

const occurrenceRole = role("occurrence", "core", "occurrence", "occurrenceID");
const mofRole = role("measurementorfact", "extension", "occurrence", "occurrenceID");

describe("createExportWorker", () => {
  it("exports the sheets sent as messages and transfers the zip back", async () => {
    const { send, received, finished } = harness();
    const sheets = exportOrder([
      { name: "MoF", role: mofRole, headers: ["occurrenceID", "measurementType", "measurementValue"], rowCount: 2 },
      { name: "Находки", role: occurrenceRole, headers: ["occurrenceID", "basisOfRecord", "scientificName"], rowCount: 3 },
    ]);
    expect(sheets.map((s) => s.name)).toEqual(["Находки", "MoF"]);
    send({ type: "start", sheets, facts: { date1904: false }, emlXml: "<eml/>" });
    send({ type: "chunk", sheet: "Находки", chunk: { startRow: 2, values: [["o1", "HumanObservation", "Parus major"]] } });
    send({ type: "chunk", sheet: "Находки", chunk: { startRow: 3, values: [["o2", "HumanObservation", "Синица"]] } });
    send({ type: "end", sheet: "Находки" });
    send({ type: "chunk", sheet: "MoF", chunk: { startRow: 2, values: [["o1", "wing length", 72.5]] } });
    send({ type: "end", sheet: "MoF" });
    const result = await finished;
    if (result.type !== "done") throw new Error(JSON.stringify(result));
    expect(result.summary.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(received.filter((m) => m.type === "taken").map((m) => m.type === "taken" && `${m.sheet}:${m.startRow}`)).toEqual([
      "Находки:2",
      "Находки:3",
      "MoF:2",
    ]);
    expect(received.some((m) => m.type === "progress")).toBe(true);
    const zip = new Uint8Array(result.zip.reduce((n, c) => n + c.length, 0));
    result.zip.reduce((at, c) => (zip.set(c, at), at + c.length), 0);
    const archive = readArchive(zip);
    expect(recordsOf(archive.core).map((r) => r.values["http://rs.tdwg.org/dwc/terms/scientificName"])).toEqual([
      "Parus major",
      "Синица",
    ]);
    expect(recordsOf(archive.extensions[0])[0].values["http://rs.tdwg.org/dwc/terms/measurementValue"]).toBe("72.5");
  });

  it("cancels an export waiting for rows", async () => {
    const { send, finished } = harness();
    send({
      type: "start",
      sheets: [{ name: "Occurrence", role: occurrenceRole, headers: ["occurrenceID", "basisOfRecord"] }],
      facts: { date1904: false },
      emlXml: "<eml/>",
    });
    send({ type: "chunk", sheet: "Occurrence", chunk: { startRow: 2, values: [["o1", "HumanObservation"]] } });
    await new Promise((r) => setTimeout(r, 10));
    send({ type: "cancel" });
    const result = await finished;
    expect(result).toMatchObject({ type: "done", ok: false, cancelled: true, zip: [] });
  });

  it("reports rows for a sheet that was never announced", async () => {
    const { send, finished } = harness();
    send({
      type: "start",
      sheets: [{ name: "Occurrence", role: occurrenceRole, headers: ["occurrenceID", "basisOfRecord"] }],
      facts: { date1904: false },
      emlXml: "",
    });
    send({ type: "chunk", sheet: "Nope", chunk: { startRow: 2, values: [] } });
    expect(await finished).toEqual({
      type: "failed",
      code: "WRITER_STATE",
      message: "worker > Nope: rows for a sheet that was not announced",
    });
    send({ type: "cancel" });
  });
});

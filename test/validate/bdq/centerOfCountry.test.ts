import { runBdqTest } from "../../../src/validate/bdq";
import { PCLI_CENTROIDS } from "../../../src/validate/bdq/data/pcliCentroids";
import { distanceMeters } from "../../../src/validate/bdq/tests/geospatial";
import type { BdqParameters, BdqRecord } from "../../../src/validate/bdq/types";

const LABEL = "ISSUE_COORDINATES_CENTEROFCOUNTRY";
const run = (countryCode: string, lat: string, lon: string, extra: BdqRecord = {}, parameters?: BdqParameters) =>
  runBdqTest(LABEL, { countryCode, decimalLatitude: lat, decimalLongitude: lon, ...extra }, parameters);
const result = (...args: Parameters<typeof run>) => run(...args).result;

describe("the embedded GBIF catalogue of country centroids (PCLI)", () => {
  const byCode = new Map(PCLI_CENTROIDS.map(([code, area, points]) => [code, { area, points }]));

  it("lists each code once, with whole lat/lon pairs in range", () => {
    expect(byCode.size).toBe(PCLI_CENTROIDS.length);
    for (const [code, area, points] of PCLI_CENTROIDS) {
      expect(code).toMatch(/^[A-Z]{2}$/);
      expect(area === null || area > 0).toBe(true);
      expect(points.length % 2).toBe(0);
      for (let i = 0; i < points.length; i += 2) {
        expect(Math.abs(points[i])).toBeLessThanOrEqual(90);
        expect(Math.abs(points[i + 1])).toBeLessThanOrEqual(180);
      }
    }
  });

  it("has the catalogue's nine centres of Australia, from CoordinateCleaner to Geoscience Australia", () => {
    const au = byCode.get("AU")!;
    expect(au.area).toBe(7691175);
    expect(au.points.length / 2).toBe(9);
    expect(au.points.slice(0, 4)).toEqual([-27, 133, -24.973, 136.189]);
    expect(au.points.slice(-2)).toEqual([-25.9470278, 133.2096389]);
  });

  it("files Namibia under NA, which the catalogue lost as a missing value", () => {
    expect(byCode.get("NA")?.points.slice(0, 2)).toEqual([-22.133, 17.218]);
  });
});

describe("ISSUE_COORDINATES_CENTEROFCOUNTRY", () => {
  it("flags the catalogue's centres of Australia (conformance dataID 1286 and 1287)", () => {
    expect(result("AU", "-27", "133")).toBe("POTENTIAL_ISSUE");
    // 100 m from the CoordinateCleaner centre at -24.973, 136.189: inside the default 5 km buffer.
    expect(result("AU", "-24.973", "136.188")).toBe("POTENTIAL_ISSUE");
    // A Geoscience Australia centre (Lambert Gravitational Centre).
    expect(result("AU", "-25.610111", "134.3548056")).toBe("POTENTIAL_ISSUE");
  });

  it("flags centres of Russia from different sources", () => {
    expect(result("RU", "61.988", "96.689")).toBe("POTENTIAL_ISSUE");
    expect(result("RU", "60", "100")).toBe("POTENTIAL_ISSUE");
    expect(result("RU", "60.02", "47.03")).toBe("POTENTIAL_ISSUE");
  });

  it("does not flag a point 10 km from a centre, nor a centre of another country", () => {
    expect(distanceMeters(-27.09, 133, -27, 133)).toBeGreaterThan(9900);
    expect(result("AU", "-27.09", "133")).toBe("NOT_ISSUE");
    expect(result("RU", "62.078", "96.689")).toBe("NOT_ISSUE");
    expect(result("NZ", "-27", "133")).toBe("NOT_ISSUE");
  });

  it("keeps the rows of the conformance data that were already right", () => {
    expect(result("AR", "-35.38804", "-65.154964")).toBe("POTENTIAL_ISSUE");
    expect(result("AR", "-34.184199", "-65.509403")).toBe("NOT_ISSUE");
    expect(result("AR", "-30.3", "-60.15")).toBe("NOT_ISSUE");
    expect(result("AU", "-26", "140")).toBe("NOT_ISSUE");
    expect(result("AX", "-65", "140")).toBe("NOT_ISSUE");
  });

  it("is NOT_ISSUE for a code the catalogue has no centre for", () => {
    expect(run("XZ", "0", "0").result).toBe("NOT_ISSUE");
    expect(run("XZ", "0", "0").comment).toMatch(/no centre/);
    expect(result("AN", "12.123", "-68.87")).toBe("NOT_ISSUE");
  });

  it("honours a custom bdqval:spatialBufferInMeters", () => {
    expect(result("AU", "-27.09", "133", {}, { spatialBufferInMeters: "15000" })).toBe("POTENTIAL_ISSUE");
    expect(result("AU", "-24.973", "136.188", {}, { spatialBufferInMeters: "50" })).toBe("NOT_ISSUE");
    expect(result("AU", "-24.973", "136.188", {}, { spatialBufferInMeters: "150" })).toBe("POTENTIAL_ISSUE");
  });

  it("does not flag a point whose uncertainty reaches half the square root of the country's area", () => {
    // Australia: 7,691,175 km², so the limit is about 1,386,650 m.
    expect(result("AU", "-27", "133", { coordinateUncertaintyInMeters: "1000" })).toBe("POTENTIAL_ISSUE");
    expect(result("AU", "-27", "133", { coordinateUncertaintyInMeters: "1386000" })).toBe("POTENTIAL_ISSUE");
    expect(result("AU", "-27", "133", { coordinateUncertaintyInMeters: "1387000" })).toBe("NOT_ISSUE");
    // Andorra: 452 km², so the limit is about 10,630 m.
    expect(result("AD", "42.549", "1.576", { coordinateUncertaintyInMeters: "10000" })).toBe("POTENTIAL_ISSUE");
    expect(result("AD", "42.549", "1.576", { coordinateUncertaintyInMeters: "11000" })).toBe("NOT_ISSUE");
  });

  it("without an area in the catalogue, flags only a point with no uncertainty", () => {
    expect(PCLI_CENTROIDS.find(([code]) => code === "PT")?.[1]).toBeNull();
    expect(result("PT", "40.309", "-8.058")).toBe("POTENTIAL_ISSUE");
    expect(result("PT", "40.309", "-8.058", { coordinateUncertaintyInMeters: "30" })).toBe("NOT_ISSUE");
  });

  it("needs the country code and coordinates, and the catalogue as its authority", () => {
    expect(run("", "-27", "133").status).toBe("INTERNAL_PREREQUISITES_NOT_MET");
    expect(run("AU", "", "133").status).toBe("INTERNAL_PREREQUISITES_NOT_MET");
    expect(run("AU", "-27", "", {}).status).toBe("INTERNAL_PREREQUISITES_NOT_MET");
    expect(run("AU", "-27", "133", {}, { sourceAuthority: "https://invalid/invalidservice" }).status).toBe(
      "EXTERNAL_PREREQUISITES_NOT_MET"
    );
    const pcli = "https://raw.githubusercontent.com/jhnwllr/catalogue-of-centroids/master/PCLI.tsv";
    expect(result("AU", "-27", "133", {}, { sourceAuthority: pcli })).toBe("POTENTIAL_ISSUE");
    expect(result("AU", "-27", "133", {}, { sourceAuthority: "GBIF Catalogue of Country Centroides" })).toBe(
      "POTENTIAL_ISSUE"
    );
  });
});

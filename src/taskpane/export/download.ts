/** Handing a built archive to the browser. The archive stays the zip writer's list of chunks: never joined. */

/**
 * Saves a Blob as a file through a temporary link (works in Excel on the web and on Windows): the one way the pane
 * hands the user a file, for the archive and for a saved mapping alike.
 *
 * @example saveBlob(new Blob([json], { type: "application/json" }), "Sheet1.mapping.json");
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Saves the zip as a file (see saveBlob). The chunks go straight into the Blob, so no second, joined copy of the
 * archive is made in memory.
 */
export function downloadZip(chunks: readonly Uint8Array[], fileName: string): void {
  // fflate's chunks are plain ArrayBuffer views (BlobPart excludes SharedArrayBuffer ones); the Blob only reads them.
  saveBlob(new Blob(chunks as unknown as BlobPart[], { type: "application/zip" }), fileName);
}

/** The zip as a `data:application/zip;base64,…` URL (for hosts where downloads are blocked). */
export function toDataUrl(chunks: readonly Uint8Array[]): string {
  let bin = "";
  const step = 0x8000;
  for (const bytes of chunks) {
    for (let i = 0; i < bytes.length; i += step) bin += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return `data:application/zip;base64,${btoa(bin)}`;
}

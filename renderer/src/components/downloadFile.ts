/**
 * A file made in main (a PDF, an exported list), saved by the browser (or Electron's save dialog)
 * as a download: a Blob of its type behind an object URL, and a link with `download`.
 */
export function downloadFile(base64: string, fileName: string, mimeType = 'application/pdf'): void {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  downloadBlob(new Blob([bytes], { type: mimeType }), fileName);
}

/** A file made in the window (the log's CSV), saved the same way. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the URL to the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

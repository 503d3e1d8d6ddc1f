/** Saves `data` as a JSON file through a temporary link to a Blob URL. */
export function saveJson(fileName: string, data: unknown): void {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has had the chance to start reading it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file the API sent as base64 (a report, a bank file, a remittance advice). */
export interface DownloadedFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly contentBase64: string;
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Saves through a temporary link to a Blob URL, which the browser treats as a download. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(
    new Blob([base64ToBytes(file.contentBase64)], { type: file.mimeType }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has had the chance to start reading it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A chosen file's bytes as base64, as upload calls take them. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('file could not be read'));
    reader.readAsDataURL(file);
  });
}

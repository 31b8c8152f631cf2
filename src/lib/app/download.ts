/** Hands a file to the browser to save, as a download link would. */
export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	// Revoked after the click has been handled, or some browsers save nothing.
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name with today's date: buurtatlas-netwerk-2026-11-22.gexf. */
export function datedFileName(stem: string, extension: string, today = new Date()): string {
	const date = [
		today.getFullYear(),
		String(today.getMonth() + 1).padStart(2, '0'),
		String(today.getDate()).padStart(2, '0')
	].join('-');
	return `${stem}-${date}.${extension}`;
}

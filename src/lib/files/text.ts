/**
 * Text as Dutch spreadsheets write it: UTF-8 with or without a byte-order
 * mark, or Windows-1252 (Excel's "CSV" on a Dutch Windows). UTF-8 is tried
 * strictly first; bytes that are not valid UTF-8 are read as Windows-1252,
 * which every byte sequence is.
 */
export function decodeText(bytes: Uint8Array): {
	text: string;
	encoding: 'utf-8' | 'windows-1252';
} {
	try {
		// TextDecoder drops a UTF-8 byte-order mark by itself.
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: windows1252(bytes), encoding: 'windows-1252' };
	}
}

/**
 * Windows-1252 as the WHATWG Encoding Standard defines it. Browsers decode it
 * so, but Node's TextDecoder reads the bytes 0x80-0x9F as Latin-1 control
 * characters, losing the en dash and curly quotes Excel writes; the table is
 * 32 code points, the same everywhere.
 */
const high = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
	0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
	0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
];

function windows1252(bytes: Uint8Array): string {
	let text = '';
	for (let start = 0; start < bytes.length; start += 8192) {
		const chunk = bytes.subarray(start, start + 8192);
		text += String.fromCharCode(
			...Array.from(chunk, (byte) => (byte >= 0x80 && byte <= 0x9f ? high[byte - 0x80]! : byte))
		);
	}
	return text;
}

/**
 * A name or header as a key to compare by: lower case, without accents,
 * punctuation or repeated spaces ("Thema’s" and "themas" are one key).
 */
export function comparable(value: string): string {
	return value
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/['’`´]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** Text direction without the app's language: for names and texts that keep their own. */

/** Which way a text runs, by its first letter, as dir="auto" decides: names keep their own. */
export function ownDirection(text: string): 'ltr' | 'rtl' {
	const letter = /[\p{L}]/u.exec(text)?.[0] ?? '';
	return /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u.test(letter)
		? 'rtl'
		: 'ltr';
}

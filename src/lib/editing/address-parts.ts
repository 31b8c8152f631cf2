/**
 * An address as PDOK's Locatieserver writes it ("Osdorpplein 1, 1068EL
 * Amsterdam"), in the parts the form has: street and number, postcode as the
 * database stores it ("1068 EL"), and town. What is not there stays undefined.
 */
export interface AddressParts {
	street?: string;
	postcode?: string;
	city?: string;
}

export function addressParts(label: string): AddressParts {
	const full = /^(.+?),\s*([1-9]\d{3})\s?([A-Z]{2})\s+(.+)$/.exec(label.trim());
	if (full) {
		return { street: full[1]!.trim(), postcode: `${full[2]} ${full[3]}`, city: full[4]!.trim() };
	}
	const postcodeOnly = /^([1-9]\d{3})\s?([A-Z]{2})(?:\s+(.+))?$/.exec(label.trim());
	if (postcodeOnly) {
		return {
			postcode: `${postcodeOnly[1]} ${postcodeOnly[2]}`,
			...(postcodeOnly[3] ? { city: postcodeOnly[3].trim() } : {})
		};
	}
	const streetAndTown = /^(.+?),\s*(.+)$/.exec(label.trim());
	return streetAndTown ? { street: streetAndTown[1]!.trim(), city: streetAndTown[2]!.trim() } : {};
}

import { m } from '$lib/paraglide/messages';
import type { LocationPrecision, PartOfDay } from '$lib/data';

const partOfDayLabels: Record<PartOfDay, () => string> = {
	morning: m.join_part_morning,
	afternoon: m.join_part_afternoon,
	evening: m.join_part_evening
};

const precisionLabels: Record<LocationPrecision, () => string> = {
	address: m.precision_address,
	neighbourhood: m.precision_neighbourhood,
	town: m.precision_town
};

export const partOfDayLabel = (part: PartOfDay): string => partOfDayLabels[part]();
export const precisionLabel = (precision: LocationPrecision): string =>
	precisionLabels[precision]();

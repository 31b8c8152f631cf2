/**
 * One thing a person does that asks the database (publish, confirm, restore,
 * sign in …): busy while it runs, so a second click does nothing, and its
 * failure in the person's words.
 */
import { configuredBackend } from '$lib/data';
import { describeError, isAbort } from './describe-error';

export class Action {
	busy = $state(false);
	problem = $state<string | null>(null);

	/** Runs `work` unless it is already running; answers whether it succeeded. */
	async run(work: () => Promise<unknown>): Promise<boolean> {
		if (this.busy) return false;
		this.busy = true;
		this.problem = null;
		try {
			await work();
			return true;
		} catch (error) {
			// Dropped on purpose (the person left, a newer request replaced it): nothing to explain.
			if (!isAbort(error)) this.problem = describeError(error, configuredBackend().kind);
			return false;
		} finally {
			this.busy = false;
		}
	}
}

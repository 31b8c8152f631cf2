export type BackendErrorCode = 'unreachable' | 'incompatible' | 'query';

/** A failure the UI can explain: the code picks the message shown to the user. */
export class BackendError extends Error {
	override readonly name = 'BackendError';
	constructor(
		readonly code: BackendErrorCode,
		message: string,
		options?: { cause?: unknown }
	) {
		super(message, options);
	}
}

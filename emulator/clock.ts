/** The emulator's time: real time plus an offset tests can move forward (session expiry, limits). */
export class Clock {
	private offsetMs = 0;

	now(): Date {
		return new Date(Date.now() + this.offsetMs);
	}

	ms(): number {
		return Date.now() + this.offsetMs;
	}

	advance(ms: number): void {
		this.offsetMs += ms;
	}

	/** `yyyy-MM-dd'T'HH:mm:ss.SSS+00:00`, as BILL writes createdTime (https://developer.bill.com/docs/filterable-fields). */
	timestamp(): string {
		return this.now().toISOString().replace('Z', '+00:00');
	}

	/** Today as `yyyy-MM-dd`. */
	today(): string {
		return this.now().toISOString().slice(0, 10);
	}
}

import { actingRuleOf, refuse } from './actingParameters';
import type { ActingFor, Context } from './actingParameters';

/**
 * The client organization an item names (BILL node, Accountant Console credential), checked before
 * anything is sent; undefined where the credential's own organization serves (none named, or the
 * same one). One console session per organization, kept and reused as the partner's
 * (organizationSession.ts).
 */
export async function consoleActingFor(
	context: Context,
	path: string,
	itemIndex: number,
): Promise<ActingFor | undefined> {
	if (/^\/v3\/(partner\/|login\/organizations)/.test(path)) return undefined;
	// Only operations that always act do so with a console (Session, MFA, Health and Partner do not).
	const rule = actingRuleOf(context);
	if (rule?.acts !== 'always') return undefined;
	const named = rule.named(itemIndex).organization;
	const organizationId = typeof named === 'string' ? named.trim() : named;
	if (organizationId === '' || organizationId === undefined || organizationId === null)
		return undefined;
	if (typeof organizationId !== 'string' || !/^008[0-9A-Za-z]{17}$/.test(organizationId))
		throw refuse(
			context,
			itemIndex,
			`Organization: not a BILL organization ID (20 characters starting with 008): ${JSON.stringify(organizationId)}`,
			'Organization → Get Many Console Organizations lists those the console can reach.',
		);
	const credentials = await context.getCredentials('billConsoleApi');
	if (organizationId === credentials.organizationId) return undefined;
	return { keeper: 'billConsoleApi', organizationId, userId: '' };
}

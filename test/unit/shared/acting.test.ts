/**
 * The transport knows no node parameter (issue 30): whether a request acts for a client
 * organization is the operation's declaration (`actsFor`), handed over by the router with the
 * item's values; the transport never reads `resource`, `operation` or `actForOrganization`.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { resources } from '../../../nodes/Bill/resources';
import { actFor, actingForOf } from '../../../nodes/shared/transport/organizationSession';

const ORG = '00802ABCDEFGHIJKLMNO';
const USER = '00602ABCDEFGHIJKLMNO';

function context(scope: 'partner' | 'organization') {
	const getNodeParameter = jest.fn(() => {
		throw new Error('the transport read a node parameter');
	});
	const ctx = {
		getNode: () => ({ name: 'BILL', type: 'bill', typeVersion: 1.1, parameters: {} }),
		getNodeParameter,
		getCredentials: async () => ({ scope, devKey: 'dev', organizationId: ORG, userId: USER }),
	} as unknown as IExecuteFunctions;
	return { ctx, getNodeParameter };
}

describe('acting for an organization', () => {
	it('without a rule from the router, a request uses the credential and reads no parameter', async () => {
		const { ctx, getNodeParameter } = context('partner');
		await expect(actingForOf(ctx, '/v3/vendors', 0)).resolves.toBeUndefined();
		expect(getNodeParameter).not.toHaveBeenCalled();
	});

	it('an operation that always acts needs the organization with a partner credential', async () => {
		const { ctx, getNodeParameter } = context('partner');
		actFor(ctx, { acts: 'always', named: () => ({ organization: '', user: '' }) });
		await expect(actingForOf(ctx, '/v3/vendors', 3)).rejects.toThrow(
			/Organization: choose the client organization to act for \[item 3\]/,
		);
		actFor(ctx, { acts: 'always', named: () => ({ organization: ORG, user: USER }) });
		await expect(actingForOf(ctx, '/v3/vendors', 0)).resolves.toEqual({
			organizationId: ORG,
			userId: USER,
		});
		expect(getNodeParameter).not.toHaveBeenCalled();
	});

	it('an optional one uses the credential when none is named; one that never acts ignores it', async () => {
		const { ctx } = context('partner');
		actFor(ctx, { acts: 'optional', named: () => ({ organization: '', user: '' }) });
		await expect(actingForOf(ctx, '/v3/mfa/challenge', 0)).resolves.toBeUndefined();
		actFor(ctx, { acts: 'never', named: () => ({ organization: ORG, user: USER }) });
		await expect(actingForOf(ctx, '/v3/login/session', 0)).resolves.toBeUndefined();
	});

	it('the resources that do not always act say so themselves', () => {
		const declared = Object.fromEntries(
			Object.entries(resources)
				.filter(([, resource]) => resource.actsFor)
				.map(([name, resource]) => [name, resource.actsFor]),
		);
		expect(declared).toEqual({
			health: 'never',
			partner: 'never',
			session: 'never',
			mfa: 'optional',
		});
		expect(resources.session.operations.getDetails.actsFor).toBe('optional');
		expect(resources.session.operations.stepUp.actsFor).toBe('optional');
	});
});

// Get, Archive and Restore User of the partner folder: one call on one user of one organization.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import type { ItemOperation } from '../../../shared/operation';
import { partnerOrganizationLocator, partnerUserLocator } from './descriptions';
import { partnerOrganizationOf, partnerRequest } from './request';

/**
 * Postman "Get user details", "Archive a user", "Restore an archived user" (partner folder):
 * archive and restore are idempotent, so a repeat after a lost answer is safe.
 */
export function partnerUserAction(
	operation: 'getUser' | 'archiveUser' | 'restoreUser',
	what: string,
): ItemOperation {
	const suffix = { getUser: '', archiveUser: '/archive', restoreUser: '/restore' }[operation];
	return {
		description: updateDisplayOptions({ show: { resource: ['partner'], operation: [operation] } }, [
			partnerOrganizationLocator('The organization of the user'),
			partnerUserLocator(`The user to ${what}`),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const organizationId = partnerOrganizationOf(this, itemIndex);
			const userId = getId(this, itemIndex, 'userId', 'User', ID_PREFIX.user);
			const user = await partnerRequest(
				this,
				{
					method: suffix ? 'POST' : 'GET',
					path: `/v3/partner/users/${userId}${suffix}`,
					repeatable: true,
					itemIndex,
				},
				organizationId,
			);
			return { ...user, organizationId };
		},
	};
}

import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { billApiRequestAllItems, credentialTypeOf } from '../shared/transport';
import type { TriggerData } from './staticData';

/**
 * The organization an event is for: its ID, and with a partner-level subscription also its name,
 * since a partner's events come from many client organizations (USERS.md: "the organization
 * named on every event"). Names come from `GET /v3/partner/organizations`, read when an
 * organization is first seen and kept in static data. Without them the event still goes out.
 */
export async function organizationOf(
	this: IWebhookFunctions,
	data: TriggerData,
	organizationId: string,
): Promise<IDataObject> {
	if (credentialTypeOf(this) !== 'billPartnerApi') return { id: organizationId };
	const credentials = await this.getCredentials('billPartnerApi');
	if (credentials.scope === 'organization') return { id: organizationId };
	const names = data.organizationNames ?? {};
	if (!(organizationId in names)) {
		try {
			const organizations = await billApiRequestAllItems.call(
				this,
				{ method: 'GET', path: '/v3/partner/organizations' },
				{ returnAll: true },
			);
			for (const organization of organizations)
				names[String(organization.id)] = String(organization.name ?? '');
			data.organizationNames = names;
		} catch (error) {
			this.logger.warn(
				`BILL Trigger: could not read the partner's organizations to name ${organizationId}: ${(error as Error).message}`,
			);
		}
	}
	return names[organizationId]
		? { id: organizationId, name: names[organizationId] }
		: { id: organizationId };
}

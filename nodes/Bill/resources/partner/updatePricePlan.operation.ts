import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { partnerOrganizationLocator } from './descriptions';
import { partnerOrganizationOf, partnerRequest } from './request';

const PLANS = ['PricePlan1', 'PricePlan2', 'PricePlan3', 'PricePlan4', 'PricePlan5'];

const properties: INodeProperties[] = [
	partnerOrganizationLocator('The organization whose price plan changes'),
	{
		displayName: 'Price Plan',
		name: 'pricePlanType',
		type: 'options',
		options: PLANS.map((plan) => ({ name: plan.replace('PricePlan', 'Price Plan '), value: plan })),
		default: 'PricePlan1',
		description:
			"One of the price plans BILL set up for the partner (BILL's PricePlan1 to PricePlan5)",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['partner'], operation: ['updatePricePlan'] } },
	properties,
);

/** Postman "Update an organization price plan": `{status: "SUCCESS"}`; a repeat sets the same plan. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const organizationId = partnerOrganizationOf(this, itemIndex);
	const plan = this.getNodeParameter('pricePlanType', itemIndex, '');
	if (typeof plan !== 'string' || !PLANS.includes(plan))
		throw invalid(this, itemIndex, 'Price Plan', `must be one of ${PLANS.join(', ')}`);
	const answer = await partnerRequest(this, {
		method: 'PATCH',
		path: `/v3/partner/organizations/${organizationId}/price-plan`,
		body: { pricePlanType: plan },
		itemIndex,
	});
	return { organizationId, pricePlanType: plan, ...answer };
}

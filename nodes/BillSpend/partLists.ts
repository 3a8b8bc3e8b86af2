// Searchable lists of the parts of one object (a reimbursement's or a transaction's receipts, a
// custom field's values), for the locator that follows the object's own in an operation.

import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { searchPage } from './listPage';
import { spendApiRequest } from './transport';

/** The object the operation names (its locator's value), or undefined while none is picked. */
function chosen(context: ILoadOptionsFunctions, name: string): string | undefined {
	const value = context.getCurrentNodeParameter(name, { extractValue: true });
	const id = typeof value === 'string' ? value.trim() : '';
	// An expression cannot be listed from here.
	return id && !id.startsWith('=') ? encodeURIComponent(id) : undefined;
}

function matching(entries: INodeListSearchItems[], filter?: string): INodeListSearchItems[] {
	const text = (filter ?? '').trim().toLowerCase();
	return entries.filter((e) => !text || e.name.toLowerCase().includes(text));
}

/** The receipts of the object at `path` (its Get answer's `receipts`: filename and uuid). */
async function receiptsOf(
	context: ILoadOptionsFunctions,
	path: string | undefined,
	filter?: string,
): Promise<INodeListSearchResult> {
	if (!path) return { results: [] };
	const object = await spendApiRequest.call(context, { method: 'GET', path });
	const receipts = (object.receipts as IDataObject[] | undefined) ?? [];
	return {
		results: matching(
			receipts.map((r) => ({ name: String(r.filename ?? r.uuid), value: String(r.uuid ?? r.id) })),
			filter,
		),
	};
}

export const partLists = {
	/** The receipts of the reimbursement chosen above (Postman "Get reimbursement details"). */
	async searchReimbursementReceipts(this: ILoadOptionsFunctions, filter?: string) {
		const id = chosen(this, 'reimbursementId');
		return await receiptsOf(this, id && `/v3/spend/reimbursements/${id}`, filter);
	},

	/** The receipts of the transaction chosen above (Postman "Get transaction details"). */
	async searchTransactionReceipts(this: ILoadOptionsFunctions, filter?: string) {
		const id = chosen(this, 'transactionId');
		return await receiptsOf(this, id && `/v3/spend/transactions/${id}`, filter);
	},

	/** The values of the custom field chosen above (Postman "Get list of custom field values"), 100 a page. */
	async searchCustomFieldValues(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const id = chosen(this, 'customFieldId');
		if (!id) return { results: [] };
		return await searchPage(
			this,
			{ path: `/v3/spend/custom-fields/${id}/values`, nameOf: (v) => String(v.value ?? v.uuid) },
			filter,
			paginationToken,
		);
	},
};

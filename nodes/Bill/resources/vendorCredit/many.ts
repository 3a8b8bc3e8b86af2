// The Many operations of vendor credits over BILL's bulk calls (Postman "Create multiple vendor
// credits" (≤50, 201), "Update multiple vendor credits" (PATCH), "Replace multiple vendor
// credits" (PUT), "Archive multiple vendor credits" (?ids=)), all answering `{ vendorCredits }`.

import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	finishRepeats,
	listRequest,
	readItems,
	sendAll,
	skipKnown,
	toOutput,
} from '../../helpers/bulk';
import { ID_PREFIX, getId } from '../../helpers/validation';
import { creditBody, creditsFromJson, updateBody } from './body';
import {
	creditFields,
	inputField,
	jsonField,
	skipExistingField,
	vendorCreditLocator,
} from './descriptions';
import { activeCredits, createHint, creditKey } from './existing';
import { updateFields } from './update.operation';

type Mode = 'create' | 'update' | 'replace';

const JSON_HELP: Record<Mode, string> = {
	create:
		'One vendor credit or an array per input item, as BILL takes it: {"vendorId": "009…", "referenceNumber": "CM-1", "creditDate": "2026-12-01", "vendorCreditLineItems": [{"amount": 25, "description": "…"}]}',
	update:
		'One change or an array per input item: the "id" of the credit and the fields to change as BILL takes them, e.g. {"id": "vcr02…", "description": "…"}',
	replace:
		'One whole vendor credit or an array per input item, with its "id": {"id": "vcr02…", "vendorId": "009…", "referenceNumber": "CM-1", "creditDate": "2026-12-01", "vendorCreditLineItems": [...]}',
};

/** The parameters of Create Many, Update Many or Replace Many. */
export function manyDescription(operation: string, mode: Mode): INodeProperties[] {
	const show = { resource: ['vendorCredit'], operation: [operation] };
	const fields =
		mode === 'create'
			? creditFields(false)
			: mode === 'replace'
				? [vendorCreditLocator('The vendor credit to replace'), ...creditFields(true)]
				: [vendorCreditLocator('The vendor credit to update'), ...updateFields];
	return [
		...updateDisplayOptions({ show }, [
			inputField,
			jsonField(JSON_HELP[mode]),
			{
				displayName:
					"Vendor credits are sent 50 per request (BILL's limit); when BILL refuses a request, its 50 fail together (the other requests go on).",
				name: 'bulkNotice',
				type: 'notice',
				default: '',
			},
		]),
		...updateDisplayOptions({ show, hide: { vendorCreditsInput: ['json'] } }, fields),
		...(mode === 'create' ? updateDisplayOptions({ show }, [skipExistingField]) : []),
	];
}

function readOne(context: IExecuteFunctions, itemIndex: number, mode: Mode): IDataObject {
	if (mode === 'create') return creditBody(context, itemIndex, false);
	const id = getId(context, itemIndex, 'vendorCreditId', 'Vendor Credit', ID_PREFIX.vendorCredit);
	return {
		id,
		...(mode === 'replace' ? creditBody(context, itemIndex, true) : updateBody(context, itemIndex)),
	};
}

const METHOD: Record<Mode, IHttpRequestMethods> = {
	create: 'POST',
	update: 'PATCH',
	replace: 'PUT',
};

/**
 * Every item is checked before anything is sent. BILL does not say whether its bulk calls are all
 * or nothing: a refused request fails all of its credits here, and an answer that leaves one out
 * gives that one an error saying to check in BILL. Create is not repeatable and skips reference
 * numbers the vendor has; Update repeats safely; Replace only without new lines.
 */
export async function runMany(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	mode: Mode,
): Promise<INodeExecutionData[]> {
	const json = context.getNodeParameter('vendorCreditsInput', 0, 'items') === 'json';
	const keyOf = (o: IDataObject) => (mode === 'create' ? creditKey(o) : String(o.id));
	const { slots, entries } = readItems(context, items, (itemIndex) =>
		(json ? creditsFromJson(context, itemIndex, mode) : [readOne(context, itemIndex, mode)]).map(
			(body) => ({ key: keyOf(body), body }),
		),
	);
	const { toSend, repeats } =
		mode === 'create' && context.getNodeParameter('skipExisting', 0, true) && entries.length
			? skipKnown(entries, await activeCredits(context, entries[0].slot.itemIndex))
			: { toSend: entries, repeats: [] };
	await sendAll(context, toSend, {
		plural: 'vendor credits',
		answerKey: 'vendorCredits',
		size: 50,
		what: mode,
		again:
			mode === 'create'
				? 'Run again with "Skip Existing Reference Numbers" on to create only the missing ones.'
				: 'Check the others in BILL (Vendor Credit → Get) before running it again.',
		matchKey: keyOf,
		send: listRequest(context, {
			method: METHOD[mode],
			path: '/v3/vendor-credits/bulk',
			repeatable: (bodies) =>
				mode === 'update' ||
				(mode === 'replace' &&
					bodies.every(
						(b) =>
							(b.vendorCreditLineItems as IDataObject[] | undefined)?.every((l) => l.id) ?? true,
					)),
			hint: (bodies) => (mode === 'create' ? createHint(bodies) : undefined),
		}),
	});
	finishRepeats(repeats, 'vendor and reference number');
	return toOutput(slots);
}

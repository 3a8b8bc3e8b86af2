import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export type Context =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

/** The MFA ID (and its device) of that user, for an MFA-trusted session of that organization. */
export const ACT_AS_USER_MFA_ID = 'actAsUserMfaId';
export const ACT_AS_USER_DEVICE = 'actAsUserDeviceName';

/** A node parameter of the item (in a list search: of the node as the editor has it). */
export function parameter(context: Context, name: string, itemIndex: number): unknown {
	try {
		if ('getCurrentNodeParameter' in context)
			return context.getCurrentNodeParameter(name, { extractValue: true });
		return (context as IExecuteFunctions).getNodeParameter(name, itemIndex, '', {
			extractValue: true,
		});
	} catch {
		return '';
	}
}

export function refuse(context: Context, itemIndex: number, message: string, hint?: string): Error {
	return new NodeOperationError(context.getNode(), `${message} [item ${itemIndex}]`, {
		itemIndex,
		description: hint,
	});
}

/**
 * The item's MFA ID and device name, both or neither (BILL needs the device the MFA ID was
 * issued for). The error names the parameters, never the MFA ID.
 */
export function mfaOfItem(
	context: Context,
	itemIndex: number,
): { mfa?: { rememberMeId: string; device: string } } {
	const text = (name: string) => {
		const value = parameter(context, name, itemIndex);
		return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	};
	const rememberMeId = text(ACT_AS_USER_MFA_ID);
	const device = text(ACT_AS_USER_DEVICE);
	if (!rememberMeId && !device) return {};
	if (!rememberMeId || !device)
		throw refuse(
			context,
			itemIndex,
			`${rememberMeId ? 'MFA Device Name' : 'MFA ID'}: is required with the ${rememberMeId ? 'MFA ID' : 'MFA device name'} of the organization`,
			'Set both (the device name used when the MFA ID was obtained) or neither.',
		);
	return { mfa: { rememberMeId, device } };
}

/**
 * Attachments of customers, invoices and vendors (BILL's Postman folder "Attachments";
 * https://developer.bill.com/docs/documents-attachments): upload (200; the raw file as the body,
 * `?name=` with its extension, at most 6 MB; invoices also `replaceInvoicePdf`), list per object
 * (`max`, `page`), get (`{id, name, createdTime, downloadLink}`), delete (`{status: "SUCCESS"}`,
 * permanent). Ids start with `att`.
 *
 * Choices where BILL's docs are silent: the download link is `/v3/attachments/{id}/download` on
 * the API host and needs the session header (BILL: "GET the link with the session header");
 * an attachment is ready at once (BILL says processing "takes a few minutes"); no body is an
 * empty file.
 * Each owner (customer, invoice, vendor) is one entry of PARENTS: the same list and upload routes.
 */
import { errors } from '../errors';
import { listPage } from '../list';
import { receivables } from '../receivables';
import { type Emulator, type RequestContext } from '../server';
import { newId, type Json } from '../state';
import { customerOf } from './customers';
import { vendorOf } from './vendors';

export const MAX_ATTACHMENT_BYTES = 6 * 1024 * 1024;

type Stored = Json & { parent: string; content: Buffer };

const files = (context: RequestContext) =>
	receivables(context.state).attachments as Map<string, Stored>;

const PARENTS: Record<
	string,
	{ param: string; check: (context: RequestContext, id: string) => unknown }
> = {
	customers: { param: 'customerId', check: (context, id) => customerOf(context, id) },
	invoices: {
		param: 'invoiceId',
		check: (context, id) => {
			const invoice = receivables(context.state).invoices.get(id);
			if (!invoice || context.state.owner.get(id) !== context.organization!.id)
				throw errors.notFound('Invoice', id);
		},
	},
	vendors: { param: 'vendorId', check: (context, id) => vendorOf(context, id) },
};

const visible = ({ id, name, createdTime, downloadLink }: Stored): Json => ({
	id,
	name,
	createdTime,
	downloadLink,
});

function attachmentOf(context: RequestContext): Stored {
	const file = files(context).get(context.params.attachmentId);
	if (!file || context.state.owner.get(String(file.id)) !== context.organization!.id)
		throw errors.notFound('Attachment', context.params.attachmentId);
	return file;
}

export function registerAttachments(emulator: Emulator): void {
	for (const [path, parent] of Object.entries(PARENTS)) {
		emulator.add('POST', `/v3/attachments/${path}/:${parent.param}`, (context) => {
			const parentId = context.params[parent.param];
			parent.check(context, parentId);
			const name = String(context.query.name ?? '');
			if (!/\.[A-Za-z0-9]{1,8}$/.test(name))
				throw errors.invalid('name: must be a file name with its extension');
			// No body at all is an empty file, as for bill documents (routes/documents.ts): BILL's
			// collection sends its example with no file, and what BILL answers to that is not documented.
			const content = Buffer.isBuffer(context.body) ? context.body : context.rawBody;
			if (content.length > MAX_ATTACHMENT_BYTES)
				throw errors.invalid('The file is larger than 6 MB');
			const id = newId('att');
			const file: Stored = {
				id,
				name,
				createdTime: context.clock.timestamp(),
				downloadLink: `${context.emulator.baseUrl}/v3/attachments/${id}/download`,
				parent: `${path}/${parentId}`,
				content: Buffer.from(content),
			};
			files(context).set(id, file);
			context.state.owner.set(id, context.organization!.id);
			return { body: visible(file) };
		});
		emulator.add('GET', `/v3/attachments/${path}/:${parent.param}`, (context) => {
			const parentId = context.params[parent.param];
			parent.check(context, parentId);
			const mine = [...files(context).values()].filter((f) => f.parent === `${path}/${parentId}`);
			return { body: listPage(mine.map(visible), context.query, { filterable: {}, sortable: [] }) };
		});
	}
	emulator.add('GET', '/v3/attachments/:attachmentId', (context) => ({
		body: visible(attachmentOf(context)),
	}));
	emulator.add('GET', '/v3/attachments/:attachmentId/download', (context) => ({
		body: attachmentOf(context).content,
		headers: { 'Content-Type': 'application/octet-stream' },
	}));
	emulator.add('DELETE', '/v3/attachments/:attachmentId', (context) => {
		files(context).delete(String(attachmentOf(context).id));
		return { body: { status: 'SUCCESS' } };
	});
}

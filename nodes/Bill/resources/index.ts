import type { Resource } from '../../shared/operation';
import { approval } from './approval';
import { attachment } from './attachment';
import { bankAccount } from './bankAccount';
import { bill } from './bill';
import { cardAccount } from './cardAccount';
import { creditMemo } from './creditMemo';
import { customer } from './customer';
import { classification } from './classification';
import { document } from './document';
import { invoice } from './invoice';
import { health } from './health';
import { mfa } from './mfa';
import { network } from './network';
import { organization } from './organization';
import { partner } from './partner';
import { payment } from './payment';
import { receivablePayment } from './receivablePayment';
import { recurringInvoice } from './recurringInvoice';
import { riskVerification } from './riskVerification';
import { role } from './role';
import { recurringBill } from './recurringBill';
import { session } from './session';
import { user } from './user';
import { vendor } from './vendor';
import { vendorCredit } from './vendorCredit';
import { webhook } from './webhook';

/**
 * Every resource of the BILL node, by the value of its "Resource" parameter.
 * A new resource is a folder under resources/ and one line here.
 */
export const resources: Record<string, Resource> = {
	approval,
	attachment,
	bankAccount,
	bill,
	creditMemo,
	customer,
	classification,
	document,
	invoice,
	health,
	mfa,
	network,
	organization,
	partner,
	payment,
	receivablePayment,
	recurringInvoice,
	riskVerification,
	role,
	recurringBill,
	session,
	user,
	vendor,
	vendorCredit,
	cardAccount,
	webhook,
};

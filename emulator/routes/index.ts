/** Every BILL area the emulator answers for; a new area is a file here and one line below. */
import type { Emulator } from '../server';
import { registerApprovals } from './approvals';
import { registerAttachments } from './attachments';
import { registerAuth } from './auth';
import { registerOAuth } from './authOAuth';
import { registerConsole } from './authConsole';
import { registerBankAccounts } from './bankAccounts';
import { registerBills } from './bills';
import { registerCardAccounts } from './cardAccounts';
import { registerCharges } from './charges';
import { registerCreditMemos } from './creditMemos';
import { registerCustomers } from './customers';
import { registerClassifications } from './classifications';
import { registerDocuments } from './documents';
import { registerInvoices } from './invoices';
import { registerRecurringInvoices } from './recurringInvoices';
import { registerHealth } from './health';
import { registerMfa } from './mfa';
import { registerNetwork } from './network';
import { registerOrganizations } from './organizations';
import { registerPartner } from './partner';
import { registerPayments } from './payments';
import { registerSpend } from './spend';
import { registerRecurringBills } from './recurringBills';
import { registerVendorCredits } from './vendorCredits';
import { registerVendorExtras } from './vendorExtras';
import { registerVendors } from './vendors';
import { registerWebhooks } from './webhooks';

export const registrations: Array<(emulator: Emulator) => void> = [
	registerAuth,
	registerOAuth,
	registerConsole,
	registerVendors,
	registerBills,
	registerBankAccounts,
	registerMfa,
	registerWebhooks,
	registerPayments,
	registerApprovals,
	registerDocuments,
	registerSpend,
	registerCustomers,
	registerInvoices,
	registerCreditMemos,
	registerRecurringInvoices,
	registerAttachments,
	registerHealth,
	registerOrganizations,
	registerPartner,
	registerNetwork,
	registerClassifications,
	registerVendorCredits,
	registerRecurringBills,
	registerVendorExtras,
	registerCardAccounts,
	registerCharges,
];

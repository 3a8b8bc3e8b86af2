import { searchApprovalPolicies } from './approvalPolicies';
import { searchBankAccountUsers } from './bankAccountUsers';
import { searchBankAccounts } from './bankAccounts';
import { searchBills } from './bills';
import { searchApCards, searchCardAccounts, searchPaymentCards } from './cardAccounts';
import { searchCreditMemos } from './creditMemos';
import { searchCustomers } from './customers';
import { searchDocuments } from './documents';
import { searchInvoices } from './invoices';
import { searchNetworkRecords } from './networkRecords';
import { searchPayments } from './payments';
import { searchReceivablePayments } from './receivablePayments';
import { searchRecurringInvoices } from './recurringInvoices';
import { searchBillingStatements, searchRoles, searchUsers } from './organization';
import {
	searchConsoleOrganizations,
	searchPartnerOrganizations,
	searchPartnerRoles,
	searchPartnerUsers,
} from './partner';
import * as classificationLists from './classifications';
import { searchRecurringBills } from './recurringBills';
import { searchVendorCredits } from './vendorCredits';
import { searchVendors } from './vendors';

/** Searchable lists behind the node's resource locators (`searchListMethod`). */
export const listSearch = {
	searchApprovalPolicies,
	searchBankAccounts,
	searchBankAccountUsers,
	searchBillingStatements,
	searchBills,
	searchCreditMemos,
	searchCustomers,
	searchDocuments,
	searchInvoices,
	searchNetworkRecords,
	searchPayments,
	searchReceivablePayments,
	searchRecurringInvoices,
	searchConsoleOrganizations,
	searchPartnerOrganizations,
	searchPartnerRoles,
	searchPartnerUsers,
	searchRoles,
	searchUsers,
	...classificationLists,
	searchRecurringBills,
	searchVendorCredits,
	searchVendors,
	searchApCards,
	searchCardAccounts,
	searchPaymentCards,
};

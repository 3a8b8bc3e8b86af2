import { searchBankAccounts } from './bankAccounts';
import { searchBills } from './bills';
import { searchApCards, searchCardAccounts, searchPaymentCards } from './cardAccounts';
import { searchCreditMemos } from './creditMemos';
import { searchCustomers } from './customers';
import { searchInvoices } from './invoices';
import { searchRecurringInvoices } from './recurringInvoices';
import { searchBillingStatements, searchRoles, searchUsers } from './organization';
import { searchPartnerOrganizations, searchPartnerRoles, searchPartnerUsers } from './partner';
import * as classificationLists from './classifications';
import { searchRecurringBills } from './recurringBills';
import { searchVendorCredits } from './vendorCredits';
import { searchVendors } from './vendors';

/** Searchable lists behind the node's resource locators (`searchListMethod`). */
export const listSearch = {
	searchBankAccounts,
	searchBillingStatements,
	searchBills,
	searchCreditMemos,
	searchCustomers,
	searchInvoices,
	searchRecurringInvoices,
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

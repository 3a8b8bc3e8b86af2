import { searchBankAccounts } from './bankAccounts';
import { searchBills } from './bills';
import { searchCreditMemos } from './creditMemos';
import { searchCustomers } from './customers';
import { searchInvoices } from './invoices';
import { searchRecurringInvoices } from './recurringInvoices';
import * as classificationLists from './classifications';
import { searchRecurringBills } from './recurringBills';
import { searchVendorCredits } from './vendorCredits';
import { searchVendors } from './vendors';

/** Searchable lists behind the node's resource locators (`searchListMethod`). */
export const listSearch = {
	searchBankAccounts,
	searchBills,
	searchCreditMemos,
	searchCustomers,
	searchInvoices,
	searchRecurringInvoices,
	...classificationLists,
	searchRecurringBills,
	searchVendorCredits,
	searchVendors,
};

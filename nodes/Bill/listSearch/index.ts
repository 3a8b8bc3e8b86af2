import { searchBankAccounts } from './bankAccounts';
import { searchBills } from './bills';
import * as classificationLists from './classifications';
import { searchRecurringBills } from './recurringBills';
import { searchVendorCredits } from './vendorCredits';
import { searchVendors } from './vendors';

/** Searchable lists behind the node's resource locators (`searchListMethod`). */
export const listSearch = {
	searchBankAccounts,
	searchBills,
	...classificationLists,
	searchRecurringBills,
	searchVendorCredits,
	searchVendors,
};

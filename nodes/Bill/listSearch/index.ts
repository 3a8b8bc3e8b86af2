import { searchBankAccounts } from './bankAccounts';
import { searchBills } from './bills';
import * as classificationLists from './classifications';
import { searchVendors } from './vendors';

/** Searchable lists behind the node's resource locators (`searchListMethod`). */
export const listSearch = {
	searchBankAccounts,
	searchBills,
	...classificationLists,
	searchVendors,
};

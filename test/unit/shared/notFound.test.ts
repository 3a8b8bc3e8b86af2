/** A new resource needs no entry in a noun table: the not-found hint names its object from the path. */
import { objectInPath } from '../../../nodes/shared/transport/notFound';

it.each([
	['/v3/credit-memos/ccr02ABCDEFGHIJKLMNO', 'credit memo'],
	['/v3/classifications/accounting-classes/cls02ABCDEFGHIJKLMNO/archive', 'accounting class'],
	['/v3/recurring-bills/00n02ABCDEFGHIJKLMNO', 'recurring bill'],
	['/v3/invoices/00e02ABCDEFGHIJKLMNO', 'invoice'],
	['/v3/banks/bac02ABCDEFGHIJKLMNO', 'bank account'],
])('%s names a %s', (path, noun) => {
	expect(objectInPath(path)?.noun).toBe(noun);
});

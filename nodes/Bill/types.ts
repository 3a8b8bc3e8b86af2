/** BILL's v3 objects as the API returns them (BILL's Postman collection and https://developer.bill.com/docs/ap-bills). Fields BILL may omit are optional. */

export interface BillList<T> {
	nextPage?: string;
	prevPage?: string;
	results: T[];
}

export interface Address {
	line1?: string;
	line2?: string;
	city?: string;
	stateOrProvince?: string;
	zipOrPostalCode?: string;
	country?: string;
	countryName?: string;
}

export type VendorAccountType = 'BUSINESS' | 'PERSON' | 'NONE' | 'UNDEFINED';

export interface Vendor {
	id: string;
	archived: boolean;
	name: string;
	shortName?: string;
	accountNumber?: string;
	accountType?: VendorAccountType;
	email?: string;
	phone?: string;
	address?: Address;
	paymentInformation?: {
		payeeName?: string;
		email?: string;
		payByType?: string;
		[key: string]: unknown;
	};
	additionalInfo?: {
		taxId?: string;
		taxIdType?: string;
		track1099?: boolean;
		companyName?: string;
		[key: string]: unknown;
	};
	billCurrency?: string;
	balance?: { amount?: number; lastUpdatedDate?: string };
	/** International payments' default network (2026-02-18): the country's own (LOCAL) or a wire (WIRE). */
	transferMethod?: 'LOCAL' | 'WIRE';
	networkStatus?: string;
	createdTime?: string;
	updatedTime?: string;
}

export interface Classifications {
	chartOfAccountId?: string;
	accountingClassId?: string;
	departmentId?: string;
	employeeId?: string;
	jobId?: string;
	locationId?: string;
	itemId?: string;
	customerId?: string;
}

export interface BillLineItem {
	id?: string;
	amount?: number;
	quantity?: number;
	price?: number;
	description?: string;
	classifications?: Classifications;
}

export type PaymentStatus = 'PAID' | 'UNPAID' | 'PARTIAL' | 'SCHEDULED' | 'UNDEFINED';
export type ApprovalStatus =
	| 'UNASSIGNED'
	| 'ASSIGNED'
	| 'APPROVING'
	| 'APPROVED'
	| 'DENIED'
	| 'UNDEFINED';

export interface Bill {
	id: string;
	archived: boolean;
	vendorId: string;
	vendorName?: string;
	/** Total bill amount; for a non-USD vendor in the bill's local currency. */
	amount?: number;
	fundingAmount?: number;
	exchangeRate?: number;
	paidAmount?: number;
	dueAmount?: number;
	scheduledAmount?: number;
	creditAmount?: number;
	description?: string;
	dueDate: string;
	invoice: { invoiceNumber: string; invoiceDate: string };
	billLineItems: BillLineItem[];
	payFromChartOfAccountId?: string;
	paymentStatus?: PaymentStatus;
	approvalStatus?: ApprovalStatus;
	classifications?: Classifications;
	purchaseOrderNumber?: string;
	createdTime?: string;
	updatedTime?: string;
	createdBy?: string;
}

export type BankAccountStatus =
	| 'NOT_VERIFIED'
	| 'VERIFIED'
	| 'PENDING'
	| 'BLOCKED'
	| 'EXPIRED'
	| 'INVALID'
	| 'UNDEFINED';

export interface BankAccount {
	id: string;
	archived: boolean;
	status: BankAccountStatus;
	createdBy?: string;
	routingNumber?: string;
	accountNumber?: string;
	nameOnAccount?: string;
	type?: 'CHECKING' | 'SAVINGS';
	ownerType?: 'BUSINESS' | 'PERSONAL';
	bankName?: string;
	accessToAdmins?: boolean;
	default?: { payables?: boolean; receivables?: boolean };
	chartOfAccountId?: string;
	createdTime?: string;
	updatedTime?: string;
}

export interface SessionDetails {
	organizationId: string;
	userId: string;
	mfaStatus?: string;
	mfaBypass?: boolean;
}

/** A customer (BILL's "Get customer details"). */
export interface Customer {
	id: string;
	archived: boolean;
	name: string;
	email?: string;
	companyName?: string;
	invoiceCurrency?: string;
	accountType?: VendorAccountType;
	balance?: { amount?: number };
}

/** An invoice (BILL's "Get invoice details"). */
export interface Invoice {
	id: string;
	archived: boolean;
	invoiceNumber?: string;
	invoiceDate?: string;
	dueDate?: string;
	customerId?: string;
	totalAmount?: number;
	dueAmount?: number;
	status?: string;
}

/** A card account (Postman "Get card account details"); card numbers are never given, only `last4`. */
export interface CardAccount {
	id: string;
	archived: boolean;
	createdTime?: string;
	updatedTime?: string;
	createdBy?: string;
	issuingBankName?: string;
	nameOnAccount?: string;
	brand?: string;
	type?: string;
	status?: string;
	last4?: string;
	expiration?: { year?: string; month?: string };
	default?: {
		payables?: boolean;
		receivables?: boolean;
		funding?: boolean;
		disbursement?: boolean;
	};
}

/** `GET /v3/funding-accounts/cards` (Postman "Get list of card accounts"): not a page of results. */
export interface CardAccountList {
	rates?: { defaultCardAccountId?: string; [key: string]: unknown };
	cards?: CardAccount[];
}

/** An AP card (Postman "Get list of AP Cards", a bare array). */
export interface ApCard {
	id: string;
	status?: string;
	nameOnAccount?: string;
	createdTime?: string;
	updatedTime?: string;
	balance?: number;
	limit?: number;
}

/** BILL's exchange rate for paying an international vendor (https://developer.bill.com/docs/ap-international-payments). */
export interface ExchangeRate {
	billCurrency?: string;
	paymentCurrency?: string;
	baseCurrency?: string;
	exchangeRate?: number;
	exchangeRateBatchId?: number;
	vendorId?: string;
	amountRange?: { from?: number; to?: number };
	expirationTime?: string;
}

/** A vendor credit (BILL's "Get vendor credit details"): `usage` says where it was applied. */
export interface VendorCredit {
	id: string;
	archived: boolean;
	vendorId: string;
	referenceNumber?: string;
	creditDate?: string;
	amount: number;
	appliedAmount?: number;
	status?: string;
	usage?: Array<{ billId?: string; paymentId?: string; amount?: number }>;
}

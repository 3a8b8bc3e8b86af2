// BILL's paths of documents.

/** A bill's documents (Postman folder "documents"): `${BILL_DOCUMENTS_PATH}/{billId}`. */
export const BILL_DOCUMENTS_PATH = '/v3/documents/bills';

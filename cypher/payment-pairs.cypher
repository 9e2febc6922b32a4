// payment-pairs: the (payer, payee) pair each known payment has now, read before payments are
// re-upserted so that the aggregate of a pair a payment leaves is refreshed too.
// @param paymentIds: list<string>
// @returns payerId: string, payeeId: string
UNWIND $paymentIds AS paymentId
MATCH (payer:Account)-[:PAID]->(p:Payment {paymentId: paymentId})-[:TO]->(payee:Account)
RETURN DISTINCT payer.userId AS payerId, payee.userId AS payeeId

// Errors that carry a record give it typed as the model (checked by tsc in `npm test`, never run).
// Every `@ts-expect-error` line must fail to compile; every `ok:` line must compile.
import { ConditionFailedError, TransactionCanceledError } from '../../lib';
import { lines, type Order, orders } from './models';

export function conditionFailed(error: unknown): unknown[] {
  const seen: unknown[] = [];
  if (ConditionFailedError.is(error, orders)) {
    const status: Order['status'] | undefined = error.item?.status; // ok: the current order, typed
    seen.push(status);
    // @ts-expect-error -- an order has no qty
    seen.push(error.item?.qty);
  }
  if (ConditionFailedError.is(error, lines)) seen.push(error.item?.qty); // ok: per repository
  if (error instanceof ConditionFailedError) {
    const item: Readonly<Record<string, unknown>> | undefined = error.item; // ok: untyped, never `any`
    seen.push(item);
    // @ts-expect-error -- instanceof alone does not know the model: item is a plain record, not any
    const guessed: number = error.item?.total;
    seen.push(guessed);
  }
  return seen;
}

export function transactionReasons(error: unknown): unknown[] {
  const seen: unknown[] = [];
  if (error instanceof TransactionCanceledError) {
    const typed = error as TransactionCanceledError<Order>; // the transaction's models, as a union
    for (const reason of typed.failures) {
      if (reason.error instanceof ConditionFailedError) seen.push(reason.error.item?.total); // ok: typed
      if (ConditionFailedError.is(reason.error, orders)) seen.push(reason.error.item?.placed_at); // ok: narrowed per repository
      // @ts-expect-error -- the record is an order
      if (reason.error instanceof ConditionFailedError) seen.push(reason.error.item?.qty);
    }
  }
  return seen;
}

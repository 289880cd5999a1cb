export type RefUpdateKind = 'create' | 'update' | 'delete';

/** One line of pre-receive (`old new ref`) or pre-push (`local-ref local-oid remote-ref remote-oid`) stdin. */
export interface RefUpdate {
  ref: string;
  oldOid: string;
  newOid: string;
  kind: RefUpdateKind;
}

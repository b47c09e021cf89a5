import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  Attribute,
  enumsOf,
  PartitionKey,
  Repository,
  SortKey,
  Table,
  Ttl,
  UnsupportedCapabilityError,
  type RecordId,
} from 'dynamodb-decorators';
import { removeLeftovers } from './leftovers';

// The login history of the user table: one item per login, keyed by (user, time), so that one
// query lists a user's logins in time order.

/** One login of a user. */
@Table({ name: 'user-login-table' })
export class LoginData {
  @PartitionKey() user_id!: string;
  /** When, in epoch milliseconds: the sort key. */
  @SortKey() at!: number;
  /** Where from. */
  @Attribute() ip!: string;
}

/**
 * The same table with each login kept for a while: DynamoDB deletes an item some time after
 * its @Ttl has passed (stored as epoch seconds). The table is the parent's (the @Table is inherited).
 */
export class ExpiringLoginData extends LoginData {
  @Ttl() expires_at?: Date;
}

export const LoginEnums = enumsOf(ExpiringLoginData);

export const KEEP_LOGINS_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Where the logins go, and the record of one login as that table keeps it. */
export interface LoginHistory {
  readonly logins: Repository<LoginData>;
  /** A login: with its expiry where the table has TTL, without elsewhere. */
  entry(userId: string, at: number, ip: string): LoginData;
}

/**
 * Creates the login table with TTL on `expires_at`. On an engine without TTL (dynalite),
 * createTable refuses before creating anything: it says so in one line and uses the model
 * without @Ttl instead, so the history works the same, only without expiry.
 */
export async function openLoginHistory(client: DynamoDBClient): Promise<LoginHistory> {
  const { EXPIRES_AT } = LoginEnums.Attribute;
  const expiring = new Repository(ExpiringLoginData, { client });
  try {
    const { created } = await expiring.createTable();
    console.log(
      `   createTable('${expiring.tableName}'): created ${created}, TTL on ${EXPIRES_AT}: each login is kept ${KEEP_LOGINS_DAYS} days`,
    );
    return {
      logins: expiring,
      entry: (userId, at, ip) =>
        Object.assign(new ExpiringLoginData(), {
          user_id: userId,
          at,
          ip,
          expires_at: new Date(at + KEEP_LOGINS_DAYS * DAY_MS),
        }),
    };
  } catch (error) {
    if (!(error instanceof UnsupportedCapabilityError)) throw error;
    console.log(
      `   TTL skipped, ${error.name}: this engine has no ${error.capability}; logins are kept without ${EXPIRES_AT}`,
    );
    const plain = new Repository(LoginData, { client });
    const { created } = await plain.createTable();
    console.log(`   createTable('${plain.tableName}'): created ${created}, with LoginData (no @Ttl)`);
    return { logins: plain, entry: (userId, at, ip) => Object.assign(new LoginData(), { user_id: userId, at, ip }) };
  }
}

/** Deletes the logins of `userId` an earlier run left behind (on a persistent DYNAMODB_ENDPOINT). */
export async function removeLeftoverLogins(logins: Repository<LoginData>, userId: string): Promise<void> {
  const ids: RecordId[] = [];
  for await (const { user_id, at } of logins.query({ user_id: userId }, { projection: ['user_id', 'at'] }))
    ids.push({ user_id, at });
  await removeLeftovers(logins, ids);
}

/** One line per login: `2026-05-01T09:30:00.000Z from 203.0.113.7, expires 2026-05-31T09:30:00.000Z`. */
export function describeLogin(login: LoginData): string {
  const expiry =
    login instanceof ExpiringLoginData && login.expires_at ? `, expires ${login.expires_at.toISOString()}` : '';
  return `${new Date(login.at).toISOString()} from ${login.ip}${expiry}`;
}

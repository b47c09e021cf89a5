import './quiet';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IsEmail } from 'class-validator';
import {
  add,
  addToSet,
  Attribute,
  ConditionFailedError,
  CreatedAt,
  enumsOf,
  PartitionKey,
  RecordExistsError,
  RecordValidationError,
  remove,
  Repository,
  Table,
  transaction,
  UnsupportedCapabilityError,
  UpdatedAt,
  Version,
  where,
  type RepositoryOptions,
} from 'dynamodb-decorators';
import { reportFailure, startEngine } from './engine';
import { removeLeftovers } from './leftovers';
import { describeLogin, openLoginHistory, removeLeftoverLogins, type LoginHistory } from './logins';

// The user table of the wiki page (user_db.py): a record is created on a user's first login, and
// its timestamp keeps that first-login date for good.

/** Where a user lives: a nested class, stored as a map and read back as an Address. */
export class Address {
  @Attribute() city!: string;
  @Attribute() country!: string;
}

@Table({ name: 'user-table' })
export class UserData {
  @PartitionKey() user_id!: string;
  // class-validator decorators on a model run on every write, before any request.
  @IsEmail() @Attribute() email!: string;
  /** The first login, ISO-8601: the record's creation time, which the library writes and no update changes. */
  @CreatedAt() timestamp!: string;
  /** The last write, ISO-8601, set by every write. */
  @UpdatedAt() updated_at!: string;
  /** 1 on create, +1 on every write; a write that names the version it read fails if another came first. */
  @Version() version!: number;
  /** How many logins were recorded, counted with add(1). */
  @Attribute({ optional: true }) logins?: number;
  @Attribute({ type: 'stringSet', optional: true }) roles?: Set<string>;
  @Attribute({ optional: true }) nickname?: string;
  /** 'free' when a record is created or put without one: a default, never applied on update. */
  @Attribute({ default: 'free' }) plan!: string;
  /** Stored as `tz`: a stored name. Code says time_zone; every request says tz. */
  @Attribute({ name: 'tz', optional: true }) time_zone?: string;
  @Attribute({ type: Address, optional: true }) address?: Address;
}

export const UserEnums = enumsOf(UserData);

export class UserRepository extends Repository<UserData> {
  constructor(options?: RepositoryOptions) {
    super(UserData, options);
  }
}

const { Attribute: Attr } = UserEnums;

/** Forty users to import: user-01 ... user-40, the odd ones at example.org, the even ones at example.com. */
const imported = Array.from({ length: 40 }, (_, index) => {
  const id = `user-${String(index + 1).padStart(2, '0')}`;
  return { user_id: id, email: `${id}@example.${index % 2 === 0 ? 'org' : 'com'}` };
});

async function main(): Promise<void> {
  const engine = await startEngine();
  try {
    // Counts the requests the client sends, to show that invalid input never reaches the engine.
    let requestsSent = 0;
    engine.client.middlewareStack.add(
      (next) => async (args) => {
        requestsSent += 1;
        return next(args);
      },
      { step: 'initialize', name: 'countRequests' },
    );
    const users = new UserRepository({ client: engine.client });
    let step = 0;
    const say = (text: string): void => console.log(`${++step}. ${text}`);

    say(`Engine: ${engine.engineName}`);
    const { created } = await users.createTable();
    say(`createTable('${users.tableName}'): created ${created}`);
    await removeLeftovers(users, ['ada', 'alan', 'grace', ...imported.map(({ user_id }) => user_id)]);

    say('First logins create the users');
    for (const [id, email] of [
      ['ada', 'ada@example.com'],
      ['grace', 'grace@example.com'],
    ] as const) {
      const { user, firstLogin } = await logIn(users, id, email);
      console.log(`   ${id.padEnd(6)} first login: ${firstLogin}, stored ${describe(user)}`);
    }

    await sleep(250);
    say('ada logs in again: createRecord refuses to overwrite, so the first login stays');
    const before = await users.getRecord('ada');
    const again = await logIn(users, 'ada', 'ada@example.com');
    console.log(`   ada    first login: ${again.firstLogin}, stored ${describe(again.user)}`);
    console.log(
      `   ${Attr.TIMESTAMP} unchanged: ${again.user.timestamp === before.timestamp} (this login was at ${again.at})`,
    );

    say(`updateRecord('ada', { ${Attr.EMAIL} }) changes the email only`);
    console.log(`   after  ${describe(await users.updateRecord('ada', { email: 'ada.lovelace@example.org' }))}`);

    say('An invalid email is rejected before any request');
    const sentBefore = requestsSent;
    try {
      await logIn(users, 'eve', 'eve-at-example.com');
      throw new Error('expected a RecordValidationError, but the login succeeded.');
    } catch (error) {
      if (!(error instanceof RecordValidationError)) throw error;
      console.log(`   ${error.name}: ${error.message}`);
      console.log(`   requests sent meanwhile: ${requestsSent - sentBefore}`);
    }

    say(`Optimistic locking: two editors read ada, then each writes with the ${Attr.VERSION} it read`);
    await twoEditors(users);

    say('putRecord stores a whole profile, created or replaced, keeping the rules');
    await putProfile(users);

    say(
      `Update actions: { ${Attr.LOGINS}: add(1), ${Attr.ROLES}: addToSet('editor', 'admin'), ${Attr.NICKNAME}: remove() }`,
    );
    console.log(
      `   ada: ${state(await users.updateRecord('ada', { logins: add(1), roles: addToSet('editor', 'admin'), nickname: remove() }))}`,
    );

    say('Login history: LoginData, keyed by (user_id, at), one item per login');
    const history = await openLoginHistory(engine.client);
    await removeLeftoverLogins(history.logins, 'ada');
    const earlier = [3, 2, 1].map((daysAgo, index) =>
      history.entry('ada', Date.now() - daysAgo * 86_400_000, `198.51.100.${index + 1}`),
    );
    for (const login of earlier) await history.logins.createRecord(login);
    console.log(`   recorded ${earlier.length} earlier logins of ada, one a day`);

    say(`ada logs in: transaction(client).create(logins, …).update(users, 'ada', { ${Attr.LOGINS}: add(1) }).commit()`);
    await logInAtomically(engine.client, users, history, 'ada', '203.0.113.9');

    say(`query({ user_id: 'ada' }, { reverse: true, limit: 3 }): ada's last 3 logins, newest first`);
    for await (const login of history.logins.query({ user_id: 'ada' }, { reverse: true, limit: 3 }))
      console.log(`   ${describeLogin(login)}`);

    say(`batchWrite({ put }) imports ${imported.length} users; batchGet reads a few back`);
    await importUsers(users);

    say(`scan({ filter: where(${Attr.EMAIL}).contains('@example.org') }): iterated, then a page at a time`);
    await listOrgUsers(users);
  } finally {
    await engine.stop();
  }
}

/** Records the user on their first login (the library writes the @CreatedAt timestamp); on a later one, returns the stored record untouched. */
async function logIn(
  users: UserRepository,
  userId: string,
  email: string,
): Promise<{ user: UserData; firstLogin: boolean; at: string }> {
  try {
    const user = await users.createRecord({ user_id: userId, email });
    return { user, firstLogin: true, at: user.timestamp };
  } catch (error) {
    if (!(error instanceof RecordExistsError)) throw error;
    return { user: await users.getRecord(userId), firstLogin: false, at: new Date().toISOString() };
  }
}

/** Two writers read the same version; the first one's update goes through, the second one's is refused. */
async function twoEditors(users: UserRepository): Promise<void> {
  const first = await users.getRecord('ada');
  const second = await users.getRecord('ada');
  const saved = await users.updateRecord('ada', { nickname: 'Countess' }, { expectedVersion: first.version });
  console.log(
    `   editor A read version ${first.version}, sets ${Attr.NICKNAME} 'Countess' with { expectedVersion: ${first.version} }: stored, now version ${saved.version}`,
  );
  console.log(
    `     @CreatedAt ${Attr.TIMESTAMP} ${saved.timestamp} (kept), @UpdatedAt ${Attr.UPDATED_AT} ${saved.updated_at}`,
  );
  try {
    await users.updateRecord('ada', { nickname: 'Enchantress' }, { expectedVersion: second.version });
    throw new Error('the stale write went through: the version was not checked');
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    const current = error.item as UserData | undefined;
    console.log(
      `   editor B read version ${second.version} too, sets 'Enchantress': ${error.name}, ada is at version ${current?.version} (${current?.nickname})`,
    );
  }
}

/** Replaces ada's profile and creates alan's with putRecord: the first-login time stays, the version goes on. */
async function putProfile(users: UserRepository): Promise<void> {
  const before = await users.getRecord('ada');
  const address = Object.assign(new Address(), { city: 'London', country: 'GB' });
  const ada = await users.putRecord(
    { user_id: 'ada', email: before.email, time_zone: 'Europe/London', address },
    { expectedVersion: before.version },
  );
  console.log(
    `   ada:  version ${before.version} → ${ada.version}, ${Attr.TIMESTAMP} kept: ${ada.timestamp === before.timestamp}, ${Attr.PLAN} ${ada.plan} (default), ${Attr.NICKNAME} ${ada.nickname ?? '-'} (not in the put: removed)`,
  );
  console.log(
    `          address is an Address: ${ada.address instanceof Address} (${ada.address?.city}), time_zone is stored as '${Attr.TIME_ZONE}'`,
  );
  const alan = await users.putRecord({ user_id: 'alan', email: 'alan@example.com', plan: 'pro' });
  console.log(`   alan: created by the put, version ${alan.version}, ${Attr.PLAN} ${alan.plan}`);
}

/**
 * Records a login and counts it in one transaction, so the history and the counter never
 * disagree; on an engine without transactions (dynalite), the two writes one after the other.
 */
async function logInAtomically(
  client: DynamoDBClient,
  users: UserRepository,
  history: LoginHistory,
  userId: string,
  ip: string,
): Promise<void> {
  const login = history.entry(userId, Date.now(), ip);
  try {
    await transaction(client)
      .create(history.logins, login)
      .update(users, userId, { logins: add(1) })
      .commit();
    console.log('   committed: both writes, or (had one failed) neither');
  } catch (error) {
    if (!(error instanceof UnsupportedCapabilityError)) throw error;
    console.log(
      `   transaction skipped, ${error.name}: this engine has no ${error.capability}; the two writes go one after the other`,
    );
    await history.logins.createRecord(login);
    await users.updateRecord(userId, { logins: add(1) });
  }
  const user = await users.getRecord(userId);
  console.log(
    `   login at ${new Date(login.at).toISOString()} from ${ip} stored; ${userId}: ${Attr.LOGINS} ${user.logins}, version ${user.version}`,
  );
}

/**
 * Puts the forty users in one call (UserData has a @Version, so each is an UpdateItem with putRecord's rules,
 * sent a few at a time), then reads four ids back in one call.
 */
async function importUsers(users: UserRepository): Promise<void> {
  const { unprocessed, errors } = await users.batchWrite({ put: imported });
  console.log(
    `   unprocessed: ${unprocessed.put.length} puts, ${unprocessed.delete.length} deletes; errors: ${errors.length}`,
  );
  const ids = ['user-01', 'user-02', 'user-40', 'nobody'];
  const { records, unprocessed: unread } = await users.batchGet(ids);
  console.log(
    `   batchGet([${ids.map((id) => `'${id}'`).join(', ')}]): ${records.length} records ('nobody' is simply absent), unprocessed: ${unread.length}`,
  );
  console.log(`   ${records.map((user) => `${user.user_id} <${user.email}> v${user.version}`).join(', ')}`);
}

/** The users at example.org: every one, then page by page with the cursor a paginated API would hand out. */
async function listOrgUsers(users: UserRepository): Promise<void> {
  const atOrg = where(Attr.EMAIL).contains('@example.org');
  const ids: string[] = [];
  for await (const user of users.scan({ filter: atOrg })) ids.push(user.user_id);
  ids.sort();
  console.log(`   ${ids.length} users: ${ids.slice(0, 4).join(', ')}, …, ${ids.slice(-2).join(', ')}`);
  let cursor: string | undefined;
  let page = 0;
  do {
    const { items, cursor: next } = await users.scan({ filter: atOrg }).page({ limit: 10, cursor });
    const shown =
      next === undefined
        ? 'undefined: the last page'
        : `${next.slice(0, 10)}…${next.slice(-12)} (${next.length} characters, opaque)`;
    console.log(
      `   .page({ limit: 10${cursor ? ', cursor' : ''} }) #${++page}: ${items.length} user${items.length === 1 ? '' : 's'}, cursor ${shown}`,
    );
    cursor = next;
  } while (cursor);
}

function describe(user: UserData): string {
  return `${user.user_id} <${user.email}>, first login ${user.timestamp}`;
}

/** `version 4, logins 1, roles {admin, editor}, nickname -` */
function state(user: UserData): string {
  const roles = [...(user.roles ?? [])].sort().join(', ');
  return `version ${user.version}, ${Attr.LOGINS} ${user.logins ?? '-'}, ${Attr.ROLES} {${roles}}, ${Attr.NICKNAME} ${user.nickname ?? '-'}`;
}

main().catch(reportFailure);

import './quiet';
import { setTimeout as sleep } from 'node:timers/promises';
import { IsEmail } from 'class-validator';
import {
  Attribute,
  enumsOf,
  PartitionKey,
  RecordExistsError,
  RecordValidationError,
  Repository,
  Table,
  type RepositoryOptions,
} from 'dynamo-decorators';
import { reportFailure, startEngine } from './engine';
import { removeLeftovers } from './leftovers';

// The user table of the wiki page (user_db.py): a record is created on a user's first login, and
// its timestamp keeps that first-login date for good.

@Table({ name: 'user-table' })
export class UserData {
  @PartitionKey() user_id!: string;
  // class-validator decorators on a model run on every write, before any request.
  @IsEmail() @Attribute() email!: string;
  /** The first login, ISO-8601. */
  @Attribute() timestamp!: string;
}

export const UserEnums = enumsOf(UserData);

export class UserRepository extends Repository<UserData> {
  constructor(options?: RepositoryOptions) {
    super(UserData, options);
  }
}

const { Attribute: Attr } = UserEnums;

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
    await removeLeftovers(users, ['ada', 'grace']);

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
    console.log(`   ${Attr.TIMESTAMP} unchanged: ${again.user.timestamp === before.timestamp} (this login was at ${again.at})`);

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
  } finally {
    await engine.stop();
  }
}

/** Records the user on their first login; on a later one, returns the stored record untouched. */
async function logIn(users: UserRepository, userId: string, email: string): Promise<{ user: UserData; firstLogin: boolean; at: string }> {
  const at = new Date().toISOString();
  try {
    return { user: await users.createRecord({ user_id: userId, email, timestamp: at }), firstLogin: true, at };
  } catch (error) {
    if (!(error instanceof RecordExistsError)) throw error;
    return { user: await users.getRecord(userId), firstLogin: false, at };
  }
}

function describe(user: UserData): string {
  return `${user.user_id} <${user.email}>, first login ${user.timestamp}`;
}

main().catch(reportFailure);

import type { Db } from './database';
import type { UserStore } from '../port';
import type { AppUser, Role } from '../../types';
import { ConflictError, NotFoundError } from '../../errors';
import { prepared } from './entities/prepare';

interface UserRow {
  user_id: string;
  name: string;
  role: Role;
  password_hash: string | null;
  created_at: number;
}

const toUser = (r: UserRow): AppUser => ({
  userId: r.user_id,
  name: r.name,
  role: r.role,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
});

/** Investigators, admins and their API tokens (migration 004). Names are unique regardless of case. */
class UsersTable implements UserStore {
  constructor(readonly db: Db) {}

  async createUser(user: AppUser): Promise<AppUser> {
    try {
      this.db
        .prepare(
          'INSERT INTO app_users (user_id, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(user.userId, user.name, user.role, user.passwordHash, user.createdAt);
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
        throw new ConflictError(
          'USER_EXISTS',
          `fraud-rings: a user named ${user.name} already exists`,
        );
      }
      throw err;
    }
    return user;
  }

  async getUserByName(name: string): Promise<AppUser | null> {
    const row = prepared(this.db, 'SELECT * FROM app_users WHERE name = ?').get(name) as
      UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async getUserById(userId: string): Promise<AppUser | null> {
    const row = prepared(this.db, 'SELECT * FROM app_users WHERE user_id = ?').get(userId) as
      UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async listUsers(): Promise<AppUser[]> {
    return (this.db.prepare('SELECT * FROM app_users ORDER BY name').all() as UserRow[]).map(
      toUser,
    );
  }

  async addToken(userId: string, tokenHash: string, createdAt: number): Promise<void> {
    try {
      this.db
        .prepare('INSERT INTO api_tokens (token_hash, user_id, created_at) VALUES (?, ?, ?)')
        .run(tokenHash, userId, createdAt);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new NotFoundError('USER_NOT_FOUND', `fraud-rings: no user ${userId}`);
      }
      throw err;
    }
  }

  async userByTokenHash(tokenHash: string): Promise<AppUser | null> {
    const row = prepared(
      this.db,
      'SELECT u.* FROM api_tokens t JOIN app_users u ON u.user_id = t.user_id WHERE t.token_hash = ?',
    ).get(tokenHash) as UserRow | undefined;
    return row ? toUser(row) : null;
  }
}

/**
 * Exposed as a constructor of the port part (not of the class) so that spreading
 * `bindAll(new SqliteUsers(db))` keeps the methods in its type: TypeScript drops class methods from spreads.
 */
export const SqliteUsers: new (db: Db) => UserStore = UsersTable;
export type SqliteUsers = UserStore;

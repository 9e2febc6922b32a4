/**
 * The UserStore part of the Neo4j adapter. Names are unique regardless of case (a lower-cased
 * `nameKey` carries the constraint and the lookup), as in the SQLite adapter; only token hashes
 * are stored.
 */
import type { AppUser, Role } from '../../types';
import { ConflictError, NotFoundError } from '../../errors';
import type { CypherRunner } from './cypher-runner';
import { isConstraintViolation } from './neo4j-errors';
import { num, str, strOrNull, type Row } from './neo4j-values';

const toUser = (r: Row): AppUser => ({
  userId: str(r.userId),
  name: str(r.name),
  role: str(r.role) as Role,
  passwordHash: strOrNull(r.passwordHash),
  createdAt: num(r.createdAt),
});

const users = (rows: Row[]) => rows.map((r) => toUser(r.user as Row));

export class Neo4jUsers {
  constructor(readonly runner: CypherRunner) {}

  async createUser(user: AppUser): Promise<AppUser> {
    try {
      await this.runner.write('create-user', { user });
    } catch (err) {
      if (isConstraintViolation(err))
        throw new ConflictError(
          'USER_EXISTS',
          `fraud-rings: a user named ${user.name} already exists`,
        );
      throw err;
    }
    return user;
  }

  async getUserByName(name: string): Promise<AppUser | null> {
    return users(await this.runner.read('user-by-name', { name }))[0] ?? null;
  }

  async getUserById(userId: string): Promise<AppUser | null> {
    return users(await this.runner.read('user-by-id', { userId }))[0] ?? null;
  }

  async listUsers(): Promise<AppUser[]> {
    return users(await this.runner.read('list-users'));
  }

  async addToken(userId: string, tokenHash: string, createdAt: number): Promise<void> {
    const rows = await this.runner.write('add-token', { userId, tokenHash, createdAt });
    if (rows.length === 0)
      throw new NotFoundError('USER_NOT_FOUND', `fraud-rings: no user ${userId}`);
  }

  async userByTokenHash(tokenHash: string): Promise<AppUser | null> {
    return users(await this.runner.read('user-by-token-hash', { tokenHash }))[0] ?? null;
  }
}

// @node-rs/argon2 hashes with argon2id unless told otherwise (its Algorithm enum is a const enum).
import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 10;

@Injectable()
export class PasswordService {
  /** Verified against when the account does not exist, so both cases take as long. */
  private readonly decoy = hash('decoy password, never matches');

  hash(password: string): Promise<string> {
    return hash(password);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash ?? (await this.decoy), password);
    } catch {
      return false;
    }
  }
}

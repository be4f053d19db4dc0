import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';

import type { Role } from '@licensregistret/domain';

import { SchoolUnitEntity } from '../../organisation/entities/school-unit.entity';

@Entity('account')
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Lower case; the sign-in name. */
  @Column('text')
  username!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @Column('text')
  email!: string;

  @Column('text', { array: true })
  roles!: Role[];

  /** argon2id; null for accounts that sign in only through single sign-on. Never selected by default. */
  @Column('text', { name: 'password_hash', nullable: true, select: false })
  passwordHash!: string | null;

  @Column('boolean')
  active!: boolean;

  @ManyToMany(() => SchoolUnitEntity)
  @JoinTable({
    name: 'account_school_unit',
    joinColumn: { name: 'account_id' },
    inverseJoinColumn: { name: 'school_unit_id' },
  })
  schoolUnits?: Relation<SchoolUnitEntity>[];

  @Column('integer')
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';

import type { CompulsoryStage, NetworkGroup, SchoolForm } from '@licensregistret/domain';

import { AccountEntity } from '../../accounts/entities/account.entity';

@Entity('school_unit')
export class SchoolUnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'administration_id' })
  administrationId!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  code!: string | null;

  @Column('text', { name: 'school_forms', array: true })
  schoolForms!: SchoolForm[];

  @Column('text', { name: 'compulsory_stages', array: true })
  compulsoryStages!: CompulsoryStage[];

  @Column('integer', { name: 'pupil_count' })
  pupilCount!: number;

  @Column('text', { name: 'network_group' })
  networkGroup!: NetworkGroup;

  @Column('uuid', { name: 'principal_id', nullable: true })
  principalId!: string | null;

  @ManyToOne(() => AccountEntity, { nullable: true })
  @JoinColumn({ name: 'principal_id' })
  principal?: Relation<AccountEntity> | null;

  /** Compared and increased by the services' updates (optimistic concurrency). */
  @Column('integer')
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

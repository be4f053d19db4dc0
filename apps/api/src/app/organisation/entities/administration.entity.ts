import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { MunicipalityEntity } from './municipality.entity';

@Entity('administration')
export class AdministrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'municipality_id' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity)
  @JoinColumn({ name: 'municipality_id' })
  municipality?: MunicipalityEntity;

  @Column('text')
  name!: string;
}

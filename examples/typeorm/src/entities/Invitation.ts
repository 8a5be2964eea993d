import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { MemberRole } from './enums';
import { Organization } from './Organization';
import { User } from './User';

@Entity({ name: 'invitations', comment: 'A pending invitation to join an organization.' })
@Unique(['organizationId', 'email'])
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ length: 320, comment: '@pii' })
  email: string;

  @Column({ type: 'enum', enum: MemberRole, enumName: 'member_role', default: MemberRole.Member })
  role: MemberRole;

  @Column({ name: 'invited_by_id', type: 'integer', nullable: true })
  invitedById: number | null;

  @Column({ length: 64, unique: true })
  token: string;

  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', precision: 3, nullable: true })
  acceptedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @ManyToOne(
    () => Organization,
    (o) => o.invitations,
    { onDelete: 'CASCADE' },
  )
  @JoinColumn({ name: 'organization_id' })
  organization: Organization;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_id' })
  invitedBy: User | null;
}

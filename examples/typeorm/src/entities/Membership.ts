import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MemberRole } from './enums';
import { Organization } from './Organization';
import { User } from './User';

@Entity({ name: 'memberships', comment: 'Which users belong to which organizations, and their role.' })
@Index(['userId'])
export class Membership {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ name: 'user_id' })
  userId: number;

  @Column({ type: 'enum', enum: MemberRole, enumName: 'member_role', default: MemberRole.Member })
  role: MemberRole;

  @Column({ name: 'joined_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  joinedAt: Date;

  @ManyToOne(
    () => Organization,
    (o) => o.memberships,
    { onDelete: 'CASCADE' },
  )
  @JoinColumn({ name: 'organization_id' })
  organization: Organization;

  @ManyToOne(
    () => User,
    (u) => u.memberships,
    { onDelete: 'CASCADE' },
  )
  @JoinColumn({ name: 'user_id' })
  user: User;
}

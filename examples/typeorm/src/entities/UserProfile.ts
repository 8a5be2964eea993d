import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { User } from './User';

@Entity({ name: 'user_profiles', comment: 'Optional profile details, one per user.' })
export class UserProfile {
  // The primary key is also the foreign key: TypeORM adds no extra unique constraint for it.
  @PrimaryColumn({ name: 'user_id' })
  userId: number;

  @Column({ name: 'avatar_url', type: 'text', nullable: true })
  avatarUrl: string | null;

  @Column({ length: 64, default: 'UTC' })
  timezone: string;

  @Column({ length: 10, default: 'en' })
  locale: string;

  @Column({ type: 'varchar', length: 32, nullable: true, comment: '@pii' })
  phone: string | null;

  @OneToOne(
    () => User,
    (u) => u.profile,
    { onDelete: 'CASCADE' },
  )
  @JoinColumn({ name: 'user_id' })
  user: User;
}

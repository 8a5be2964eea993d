import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  OneToMany,
  OneToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ApiKey } from './ApiKey';
import { Membership } from './Membership';
import { Post } from './Post';
import { UserProfile } from './UserProfile';

@Entity({ name: 'users', comment: 'A person who can sign in.' })
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 320, unique: true, comment: 'Login email address. @pii' })
  email: string;

  @Column({ name: 'display_name', length: 100, comment: '@pii' })
  displayName: string;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Column({ name: 'is_active', default: true })
  isActive: boolean;

  @DeleteDateColumn({
    name: 'deleted_at',
    type: 'timestamptz',
    precision: 3,
    comment: 'Soft-delete marker; null while the account is active.',
  })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @OneToOne(
    () => UserProfile,
    (p) => p.user,
  )
  profile?: UserProfile;

  @OneToMany(
    () => Membership,
    (m) => m.user,
  )
  memberships: Membership[];

  @OneToMany(
    () => Post,
    (p) => p.author,
  )
  posts: Post[];

  @OneToMany(
    () => ApiKey,
    (k) => k.user,
  )
  apiKeys: ApiKey[];
}

import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Invitation } from './Invitation';
import { Membership } from './Membership';
import { Post } from './Post';

@Entity({
  name: 'organizations',
  comment: 'A tenant: every post and membership belongs to one organization.',
})
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ length: 200 })
  name: string;

  @Column({ length: 100, unique: true, comment: 'URL-safe identifier, unique across the platform.' })
  slug: string;

  @Column({ type: 'jsonb', default: {} })
  settings: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @OneToMany(
    () => Membership,
    (m) => m.organization,
  )
  memberships: Membership[];

  @OneToMany(
    () => Post,
    (p) => p.organization,
  )
  posts: Post[];

  @OneToMany(
    () => Invitation,
    (i) => i.organization,
  )
  invitations: Invitation[];
}

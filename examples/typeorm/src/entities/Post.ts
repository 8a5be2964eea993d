import {
  Check,
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Attachment } from './Attachment';
import { Comment } from './Comment';
import { PostStatus } from './enums';
import { Organization } from './Organization';
import { PostTag } from './PostTag';
import { User } from './User';

@Entity({ name: 'posts', comment: 'An article published inside an organization.' })
@Unique(['organizationId', 'slug'])
@Index(['authorId'])
// DOMAIN.md asks for (status, published_at DESC): TypeORM's @Index has no per-column order,
// so this index is ascending on both columns (the one difference from the other ORMs).
@Index(['status', 'publishedAt'])
@Check('posts_view_count_check', '"view_count" >= 0')
export class Post {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'author_id', type: 'integer', nullable: true })
  authorId: number | null;

  @Column({ length: 200 })
  title: string;

  @Column({ length: 200 })
  slug: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'enum', enum: PostStatus, enumName: 'post_status', default: PostStatus.Draft })
  status: PostStatus;

  @Column({ name: 'published_at', type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'view_count', default: 0 })
  viewCount: number;

  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz', precision: 3 })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @ManyToOne(
    () => Organization,
    (o) => o.posts,
    { onDelete: 'CASCADE' },
  )
  @JoinColumn({ name: 'organization_id' })
  organization: Organization;

  @ManyToOne(
    () => User,
    (u) => u.posts,
    { onDelete: 'SET NULL' },
  )
  @JoinColumn({ name: 'author_id' })
  author: User | null;

  @OneToMany(
    () => Comment,
    (c) => c.post,
    { cascade: ['insert'] },
  )
  comments: Comment[];

  @OneToMany(
    () => PostTag,
    (pt) => pt.post,
  )
  postTags: PostTag[];

  @OneToMany(
    () => Attachment,
    (a) => a.post,
  )
  attachments: Attachment[];
}

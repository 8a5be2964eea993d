import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Post } from './Post';
import { User } from './User';

@Entity({ name: 'comments', comment: "A reader's comment on a post; replies point at their parent." })
@Index(['postId'])
@Index(['parentId'])
export class Comment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'post_id' })
  postId: number;

  @Column({ name: 'author_id' })
  authorId: number;

  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  parentId: number | null;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @ManyToOne(
    () => Post,
    (p) => p.comments,
    { onDelete: 'CASCADE' },
  )
  @JoinColumn({ name: 'post_id' })
  post: Post;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author: User;

  @ManyToOne(
    () => Comment,
    (c) => c.replies,
    { onDelete: 'CASCADE' },
  )
  @JoinColumn({ name: 'parent_id' })
  parent: Comment | null;

  @OneToMany(
    () => Comment,
    (c) => c.parent,
  )
  replies: Comment[];
}
